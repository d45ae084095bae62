import { useEffect, useState } from 'preact/hooks';
import { getRepo, mergeCustomers } from '../../lib/db';
import type { Customer } from '../../lib/domain';
import { t, type MessageKey } from '../../lib/i18n';
import { findDuplicates, type DuplicateGroup } from '../../lib/workspace/duplicates';
import { showToast } from '../common/Toast';

const ROWS: [MessageKey, (c: Customer) => string][] = [
  ['field.name', (c) => c.name], ['field.company', (c) => c.company], ['field.title', (c) => c.title],
  ['field.emails', (c) => c.emails.map((e) => e.value).join(', ')], ['field.phones', (c) => c.phones.map((p) => p.raw).join(', ')],
  ['field.addresses', (c) => c.addresses.map((a) => a.formatted).join(' / ')], ['field.stage', (c) => t(`stage.${c.stage}`)],
  ['field.owner', (c) => c.owner], ['field.tags', (c) => c.tags.join(', ')], ['field.notes', (c) => c.notes],
  ['card.created', (c) => new Date(c.createdAt).toLocaleDateString()],
];

function Compare({ group, onDone }: { group: DuplicateGroup; onDone(): void }) {
  const [cards, setCards] = useState<Customer[]>([]);
  const [keep, setKeep] = useState(group.ids[0]!);
  const [busy, setBusy] = useState(false);
  useEffect(() => { void getRepo().db.customers.bulkGet(group.ids).then((r) => setCards(r.filter((c): c is Customer => !!c))); }, [group]);
  async function merge() {
    setBusy(true);
    try {
      for (const id of group.ids) if (id !== keep) await mergeCustomers(getRepo(), keep, id);
      showToast(t('dup.merged'));
      onDone();
    } catch (e) {
      showToast(t('error', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="compare" data-testid="dup-compare">
      <table>
        <thead>
          <tr>
            <th>{t('dup.field')}</th>
            {cards.map((c) => (
              <th key={c.id}>
                <label class="row nowrap"><input type="radio" name="keep" checked={keep === c.id} onChange={() => setKeep(c.id)} data-keep={c.id} />{t('dup.keep')}</label>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([label, get]) => (
            <tr key={label}>
              <th>{label === 'card.created' ? t('card.created', { date: '' }) : t(label)}</th>
              {cards.map((c) => <td key={c.id} class={get(c) !== get(cards[0]!) ? 'differs' : ''}>{get(c)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <button class="primary" disabled={busy || cards.length < 2} onClick={merge} data-testid="dup-merge">{t('dup.merge')}</button>
    </div>
  );
}

/** Groups listed at once (each names its cards: one bulkGet for these). */
const SHOWN = 200;

/** Likely duplicates (same email, same phone, similar name + company), compared side by side and merged. */
export function Duplicates() {
  const [groups, setGroups] = useState<DuplicateGroup[] | undefined>();
  const [open, setOpen] = useState<number | null>(null);
  // Groups are named by their cards ("张伟 · 云帆 / Zhang Wei · Yunfan"), never by the match key
  // (a normalised name, or a keyed hash of the address while the lock is on).
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const scan = () => {
    setOpen(null);
    void findDuplicates(getRepo()).then(async (found) => {
      const ids = [...new Set(found.slice(0, SHOWN).flatMap((g) => g.ids))];
      const cards = (await getRepo().db.customers.bulkGet(ids)).filter((c): c is Customer => !!c);
      setNames(new Map(cards.map((c) => [c.id, [c.name || t('audit.unnamed'), c.company].filter(Boolean).join(' · ')])));
      setGroups(found);
    });
  };
  useEffect(scan, []);
  if (!groups) return <p class="muted">{t('loading')}</p>;
  return (
    <section class="duplicates" data-testid="duplicates">
      <button onClick={scan}>{t('dup.scan')}</button>
      {groups.length === 0 && <p class="muted" data-testid="dup-none">{t('dup.none')}</p>}
      <ul class="dup-list">
        {groups.slice(0, SHOWN).map((g, i) => (
          <li key={g.ids.join()} data-dup-group={i}>
            <button class="link" onClick={() => setOpen(open === i ? null : i)}>
              {t(`dup.reason.${g.reason}`)}: <strong>{g.ids.map((id) => names.get(id) ?? '…').join(' / ')}</strong> — {t('dup.compare')}
            </button>
            {open === i && <Compare group={g} onDone={scan} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
