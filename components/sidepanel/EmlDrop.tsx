import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { parseEml } from '../../lib/capture/eml';
import { t } from '../../lib/i18n';
import { settings } from '../../lib/state/settings';
import { panelRequestItem, pendingCaptureItem } from '../../lib/ui/panel-request';
import { showToast } from '../common/Toast';
import { filesToInputs, isImageFile, scanAndReview, scanErrorText } from './ScanCard';

const MAX_EML_BYTES = 25 * 1024 * 1024;

/** Parse a dropped or picked .eml and open the same review form a webmail clip opens. */
async function reviewEml(file: File): Promise<void> {
  if (file.size > MAX_EML_BYTES) throw new Error('larger than 25 MB');
  const draft = await parseEml(new Uint8Array(await file.arrayBuffer()), {
    ownEmails: settings.value.ownEmails,
    defaultRegion: settings.value.defaultRegion,
  });
  // No sender means this was not a readable email: say so rather than open an empty review.
  if (draft.contacts.length === 0) throw new Error(draft.warnings[0] ?? 'no sender found');
  await pendingCaptureItem.setValue({ draft, tabUrl: '', tabTitle: file.name, at: Date.now() });
  await panelRequestItem.setValue({ view: 'review', at: Date.now() });
}

/** The whole side panel accepts a dropped .eml file; a button does the same for keyboard users. */
export function EmlDrop({ children }: { children: ComponentChildren }) {
  const [over, setOver] = useState(false);
  const take = (file: File | undefined, all?: FileList) => {
    if (!file) return;
    // A card image dropped anywhere on the panel is scanned (one or two images: the card's sides).
    if (isImageFile(file)) {
      const files = [...(all ?? [file])].filter(isImageFile).slice(0, 2);
      void filesToInputs(files)
        .then(scanAndReview)
        .catch((e: unknown) => showToast(scanErrorText(e, file.name)));
      return;
    }
    reviewEml(file).catch((e: unknown) => showToast(t('emlError', { file: file.name, reason: e instanceof Error ? e.message : String(e) })));
  };
  return (
    <div
      class={`eml-drop${over ? ' eml-drop--over' : ''}`}
      onDragOver={(e) => { if (e.dataTransfer?.types.includes('Files')) { e.preventDefault(); setOver(true); } }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => { e.preventDefault(); setOver(false); take(e.dataTransfer?.files[0], e.dataTransfer?.files); }}
    >
      {children}
      {over && <div class="eml-drop__hint" aria-hidden="true">{t('dropEml')}</div>}
      <label class="eml-drop__open link">
        {t('openEml')}
        <input type="file" accept=".eml,message/rfc822" data-testid="eml-input" hidden onChange={(e) => take(e.currentTarget.files?.[0])} />
      </label>
    </div>
  );
}
