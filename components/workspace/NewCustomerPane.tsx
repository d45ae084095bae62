import { useState } from 'preact/hooks';
import { toCustomerInput } from '../../lib/capture/review';
import { attachCardImages, createCustomer, getRepo } from '../../lib/db';
import type { CardImageInput, Customer, CustomerInput } from '../../lib/domain';
import { t } from '../../lib/i18n';
import { settings } from '../../lib/state/settings';
import { showToast } from '../common/Toast';
import { CustomerForm } from '../customer-form/CustomerForm';
import { scanErrorText } from '../sidepanel/ScanCard';

/** The form fields a scan filled (marked "read from the image" in the form). */
function readFields(input: Partial<Customer>): Set<string> {
  return new Set(Object.entries(input).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' && v.trim() !== '')).map(([k]) => k));
}

/**
 * The workspace's new-card form with a scan entry: choose one or two card images, the form is filled
 * from them (every field still editable), and the image is kept on the new customer.
 */
export function NewCustomerPane(props: { onCancel(): void; onCreated(id: string): void }) {
  const [scanned, setScanned] = useState<{ key: number; initial: Partial<Customer>; images: CardImageInput[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [keep, setKeep] = useState(true);

  async function scan(files: File[]) {
    if (!files.length) return;
    setBusy(true);
    setError('');
    try {
      const { scanImages } = await import('../../lib/capture/ocr/scan');
      const inputs = await Promise.all(files.slice(0, 2).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const out = await scanImages(inputs, settings.value.defaultRegion);
      const input = toCustomerInput(out.contacts[0]!, 'card-scan', settings.value.defaultRegion);
      setScanned({ key: Date.now(), initial: input as Partial<Customer>, images: out.images });
    } catch (e) {
      setError(scanErrorText(e, files.map((f) => f.name).join(', ')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="new-customer-pane">
      <div class="scan__drop" onDragOver={(e) => e.preventDefault()} onDrop={(e) => { e.preventDefault(); void scan([...(e.dataTransfer?.files ?? [])]); }}>
        <label class="button">
          {t('scanCard')}…
          <input type="file" accept="image/*,.heic,.heif" multiple hidden data-testid="workspace-scan-input" disabled={busy} onChange={(e) => void scan([...(e.currentTarget.files ?? [])])} />
        </label>
        {busy && <p class="notice" role="status">{t('scanReading')}</p>}
        {error && <p class="error" role="alert" data-testid="workspace-scan-error">{error}</p>}
        {scanned && scanned.images.length > 0 && (
          <div class="review-images">
            {scanned.images.map((im) => <img key={im.side} src={`data:${im.mime};base64,${im.data}`} alt={t('scanImageAlt')} style={{ maxWidth: '100%' }} />)}
            <p class="muted small">{t('prov.image')}</p>
            <label class="row small"><input type="checkbox" checked={keep} onChange={(e) => setKeep(e.currentTarget.checked)} />{t('scanKeepImage')}</label>
          </div>
        )}
      </div>
      <CustomerForm
        key={scanned?.key ?? 0}
        initial={scanned?.initial}
        marked={scanned ? { fields: readFields(scanned.initial), note: t('prov.image') } : undefined}
        onCancel={props.onCancel}
        onSubmit={async (input: CustomerInput) => {
          const repo = getRepo();
          const c = await createCustomer(repo, { ...input, source: scanned ? 'card-scan' : 'manual' });
          if (scanned && keep) await attachCardImages(repo, c.id, scanned.images);
          props.onCreated(c.id);
          showToast(t('saved'));
        }}
      />
    </div>
  );
}
