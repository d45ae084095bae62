import { useEffect, useState } from 'preact/hooks';
import { diffContact, type DiffField } from '../../lib/capture/review';
import { saveClip } from '../../lib/actions/clip';
import { getRepo } from '../../lib/actions/context';
import { findMatches, type Match } from '../../lib/db/matching';
import type { ContactDraft } from '../../lib/domain/contact-draft';
import { emptyContact } from '../../lib/domain/empty-contact';
import { toE164 } from '../../lib/domain';
import { isMessageKey, t, type MessageKey } from '../../lib/i18n';
import { networkName } from '../../lib/i18n/words';
import { dropWaiting, finishPending, readPendingCapture, takeWaiting, waitingCaptureItem, pendingCaptureItem, type PendingCapture } from '../../lib/ui/panel-request';
import { clearScannedImages, scannedImages } from '../../lib/ui/scan-state';
import { NoteView } from './NoteView';

interface Row {
  contact: ContactDraft;
  selected: boolean;
  matches: Match[];
  /** Customer id to update, or undefined to create a new card. */
  target?: string;
  ticked: Set<DiffField>;
}


const csv = (s: string) => s.split(/[,;，；]/).map((x) => x.trim()).filter(Boolean);

/** Where a field came from, in words ("from the signature"); an unknown source is shown as it is. */
function provenanceText(source: string | undefined): string {
  if (!source) return '';
  const key = `prov.${source}`;
  return isMessageKey(key) ? t(key) : t('fromSource', { source });
}

/** The small "from …" note beside a field. */
const Provenance = ({ source }: { source: string | undefined }) =>
  source ? <span class="muted small" data-testid="review-provenance"> {provenanceText(source)}</span> : null;

/** The review form of a clip: pick contacts, compare with existing cards, save, log the email. */
export function ReviewView(props: { onSaved(id: string): void }) {
  const [pending, setPending] = useState<PendingCapture | null | undefined>(undefined);
  const [rows, setRows] = useState<Row[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [waiting, setWaiting] = useState<PendingCapture | null>(null);
  useEffect(() => {
    void waitingCaptureItem.getValue().then(setWaiting);
    return waitingCaptureItem.watch(setWaiting);
  }, []);
  // Phones typed without a country code are read with the user's region, as everywhere else.
  const [region, setRegion] = useState('CN');
  // A scanned card: its image(s) beside the fields, kept on the customer unless unticked.
  const [keepImage, setKeepImage] = useState(true);

  useEffect(() => {
    const load = () => void readPendingCapture().then(async (p) => {
      setPending(p);
      if (!p || p.note !== undefined) return setRows([]);
      const contacts = p.draft.contacts.length ? p.draft.contacts : [emptyContact({ notes: p.tabUrl })];
      const repo = getRepo();
      const { defaultRegion } = await repo.settings();
      setRegion(defaultRegion);
      setRows(await Promise.all(contacts.map(async (contact, i) => {
        const matches = contact.name || contact.emails.length ? await findMatches(repo, contact) : [];
        const target = matches[0]?.customer.id;
        const diff = matches[0] ? diffContact(matches[0].customer, contact, defaultRegion) : [];
        return { contact, selected: i === 0, matches, target, ticked: new Set(diff.filter((d) => !d.conflict).map((d) => d.field)) };
      })));
    });
    load();
    return pendingCaptureItem.watch(load);
  }, []);

  if (pending === undefined) return <p class="muted">{t('loading')}</p>;
  if (!pending) return <p class="muted">{t('none')}</p>;
  if (pending.note !== undefined) return <NoteView pending={pending} onSaved={props.onSaved} />;

  const update = (i: number, f: (r: Row) => Row) => setRows((rs) => rs.map((r, j) => (j === i ? f(r) : r)));
  const edit = (i: number, patch: Partial<ContactDraft>) => update(i, (r) => ({ ...r, contact: { ...r.contact, ...patch } }));

  async function save() {
    setBusy(true);
    setError('');
    try {
      const chosen = rows.filter((r) => r.selected);
      const images = keepImage ? scannedImages(pending!.at) : [];
      const { mainId } = await saveClip(getRepo(), {
        contacts: chosen.map((r) => ({
          contact: r.contact, targetId: r.target, ticked: r.ticked,
          targetRev: r.matches.find((m) => m.customer.id === r.target)?.customer.rev,
        })),
        firstIsSender: rows[0]?.selected === true,
        draft: pending!.draft,
        region,
        images,
      });
      clearScannedImages();
      // A clip that waited during this review is shown next; otherwise the saved card.
      const more = await finishPending();
      if (mainId && !more) props.onSaved(mainId);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const images = pending.draft.provider === 'image' ? scannedImages(pending.at) : [];
  const status = pending.readError ? t('readError') : pending.draft.contacts.length ? '' : t('nothingFound');
  return (
    <section class="review" data-testid="review">
      <h2>{t('reviewTitle')}</h2>
      {status && <p class="notice" data-testid="review-status">{status}</p>}
      {waiting && (
        <p class="notice row small" data-testid="review-waiting">
          {t('waitingClip', { url: waiting.tabUrl || waiting.tabTitle || '' })}
          <button type="button" class="link" onClick={() => void takeWaiting()} data-testid="review-take-waiting">{t('showWaiting')}</button>
          <button type="button" class="link" onClick={() => void dropWaiting()} data-testid="review-keep-current">{t('keepCurrent')}</button>
        </p>
      )}
      {images.length > 0 ? (
        <div class="review-images" data-testid="review-images">
          {images.map((im) => <img key={im.side} src={`data:${im.mime};base64,${im.data}`} alt={t('scanImageAlt')} style={{ maxWidth: '100%', border: '1px solid #ccc', borderRadius: '4px' }} />)}
          <label class="row small">
            <input type="checkbox" checked={keepImage} onChange={(e) => setKeepImage(e.currentTarget.checked)} data-testid="review-keep-image" />
            {t('scanKeepImage')}
          </label>
        </div>
      ) : (
        <p class="muted small" data-testid="review-source">{t('sourceUrl', { url: pending.tabUrl })}</p>
      )}
      {rows.length > 1 && (
        <p class="row small">
          <button type="button" class="link" onClick={() => setRows((rs) => rs.map((r) => ({ ...r, selected: true })))} data-testid="review-select-all">{t('selectAllContacts')}</button>
          <button type="button" class="link" onClick={() => setRows((rs) => rs.map((r) => ({ ...r, selected: false })))} data-testid="review-select-none">{t('selectNoContacts')}</button>
        </p>
      )}
      {rows.map((r, i) => {
        const match = r.matches.find((m) => m.customer.id === r.target);
        const diff = match ? diffContact(match.customer, r.contact, region) : [];
        const e164s = r.contact.phones.map((p) => p.e164).filter(Boolean);
        return (
          <fieldset class="review-contact" data-testid="review-contact" key={i}>
            <label class="row">
              <input type="checkbox" checked={r.selected} onChange={(e) => update(i, (x) => ({ ...x, selected: e.currentTarget.checked }))} data-testid="review-select" />
              <strong data-testid="review-name">{r.contact.name || r.contact.emails[0]?.value || '—'}</strong>
              <span class="muted small">{t(`kind.${r.contact.kind}`)}</span>
            </label>
            {(['name', 'company', 'title'] as const).map((f) => (
              <label key={f}>{t(`field.${f}`)}
                <input name={`${i}.${f}`} value={r.contact[f]} onInput={(e) => edit(i, { [f]: e.currentTarget.value })} />
                <Provenance source={r.contact.provenance[f]} />
              </label>
            ))}
            <label>{t('emailsCsv')}
              <input name={`${i}.emails`} value={r.contact.emails.map((e) => e.value).join(', ')} onChange={(e) => edit(i, { emails: csv(e.currentTarget.value).map((value) => ({ value: value.toLowerCase(), label: '' })) })} />
              <Provenance source={r.contact.emails.length ? r.contact.provenance.emails : undefined} />
            </label>
            <label>{t('phonesCsv')}
              <input name={`${i}.phones`} value={r.contact.phones.map((p) => p.raw).join(', ')} onChange={(e) => edit(i, {
                // Keep what was read (E.164, label) for numbers the user left as they were.
                phones: csv(e.currentTarget.value).map((raw) => r.contact.phones.find((p) => p.raw === raw) ?? { raw, e164: toE164(raw, region), label: 'other' as const }),
              })} />
              <Provenance source={r.contact.phones.length ? r.contact.provenance.phones : undefined} />
              {e164s.length > 0 && <span class="muted small" data-testid="review-e164"> {t('readAs', { numbers: e164s.join(', ') })}</span>}
            </label>
            {r.contact.websites.length > 0 && <p class="small">{t('field.websites')}: {r.contact.websites.join(', ')}</p>}
            {r.contact.addresses.length > 0 && <p class="small">{t('field.addresses')}: {r.contact.addresses.map((a) => a.formatted).join(' / ')}</p>}
            {r.contact.social.length > 0 && <p class="small">{t('field.social')}: {r.contact.social.map((s) => `${networkName(s.network)}: ${s.handle}`).join(', ')}</p>}
            {r.matches.length > 0 && (
              <div class="match" data-testid="review-match">
                {r.matches.map((m) => (
                  <label key={m.customer.id} class="row">
                    <input type="radio" name={`target-${i}`} checked={r.target === m.customer.id} onChange={() => update(i, (x) => ({ ...x, target: m.customer.id }))} data-testid="match-update" />
                    {t('updateExisting')} — {t('matchFound', { by: t(`matchBy.${m.by}`), name: m.customer.name })}
                  </label>
                ))}
                <label class="row">
                  <input type="radio" name={`target-${i}`} checked={r.target === undefined} onChange={() => update(i, (x) => ({ ...x, target: undefined }))} data-testid="match-create" />
                  {t('createNew')}
                </label>
                {diff.length > 0 && (
                  <table class="diff small"><tbody>
                    {diff.map((d) => (
                      <tr key={d.field} data-diff={d.field}>
                        <td><input type="checkbox" aria-label={t(`field.${d.field}`)} checked={r.ticked.has(d.field)} onChange={(e) => update(i, (x) => {
                          const ticked = new Set(x.ticked);
                          if (e.currentTarget.checked) ticked.add(d.field); else ticked.delete(d.field);
                          return { ...x, ticked };
                        })} /></td>
                        <td>{t(`field.${d.field}`)}</td>
                        <td class="muted">{d.old || '—'}</td>
                        <td>→ {d.new}</td>
                      </tr>
                    ))}
                  </tbody></table>
                )}
              </div>
            )}
          </fieldset>
        );
      })}
      {error && <p class="error">{t('error', { message: error })}</p>}
      <button class="primary" disabled={busy || !rows.some((r) => r.selected)} onClick={() => void save()} data-testid="review-save">{t('saveClip')}</button>
    </section>
  );
}
