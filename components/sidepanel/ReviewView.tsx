import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { readPendingCapture } from '../../lib/ui/panel-request';
import type { CaptureDraft } from '../../lib/domain';

/** The review form of a clip (filled from the pending capture draft). */
export function ReviewView(_props: { onSaved(id: string): void }) {
  const [draft, setDraft] = useState<CaptureDraft | null | undefined>(undefined);
  useEffect(() => { void readPendingCapture().then((p) => setDraft(p?.draft ?? null)); }, []);
  if (draft === undefined) return <p class="muted">{t('loading')}</p>;
  if (!draft) return <p class="muted">{t('none')}</p>;
  return (
    <section class="review" data-testid="review">
      {draft.contacts.map((c, i) => <div key={i}>{c.name} {c.emails.map((e) => e.value).join(', ')}</div>)}
    </section>
  );
}
