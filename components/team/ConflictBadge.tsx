import { useState } from 'preact/hooks';
import { getRepo, resolveConflict } from '../../lib/db';
import { conflictsOf, customerById } from '../../lib/db/queries';
import { t } from '../../lib/i18n';
import { valueAt } from '../../lib/sync/merge';
import { useLive } from '../../lib/state/live';
import { isViewer } from './status';

const shown = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' && x ? String((x as { value?: string; raw?: string }).value ?? (x as { raw?: string }).raw ?? (x as { formatted?: string }).formatted ?? JSON.stringify(x)) : String(x))).join(', ');
  return JSON.stringify(v);
};

/** A card's same-field conflicts from team sync: a badge, and for editors a choice per field. */
export function ConflictBadge({ customerId }: { customerId: string }) {
  const repo = getRepo();
  const row = useLive(() => conflictsOf(repo, customerId), [customerId]).value.value;
  const card = useLive(() => customerById(repo, customerId), [customerId]).value.value;
  const [open, setOpen] = useState(false);
  if (!row?.items.length || !card) return null;
  const fields = [...new Set(row.items.map((c) => c.field))];
  const label = (f: string) => (f === 'deletedAt' ? t('conflict.deleted') : f);
  return (
    <div class="conflicts" data-testid="conflict-badge">
      <button class="badge badge--warn" aria-expanded={open} onClick={() => setOpen(!open)}>{t('conflict.badge', { n: row.items.length })}</button>
      {open && (
        <div class="conflicts__list" data-testid="conflict-list">
          <p><strong>{t('conflict.title')}</strong></p>
          {fields.map((f) => (
            <div key={f} class="conflicts__field" data-field={f}>
              <div>{label(f)}</div>
              <div>{t('conflict.current')}: <b>{f === 'deletedAt' ? t('card.deletedNotice') : shown(valueAt(card as never, f))}</b>
                {!isViewer() && <button class="link" onClick={() => void resolveConflict(repo, customerId, f, f === 'deletedAt' ? card.deletedAt : valueAt(card as never, f))}>{t('conflict.keep')}</button>}
              </div>
              {row.items.filter((c) => c.field === f).map((c, i) => (
                <div key={i}>
                  <b>{f === 'deletedAt' ? t('conflict.restore') : shown(c.value)}</b> <small>{t('conflict.by', { author: c.author })}</small>
                  {!isViewer() && <button class="link" data-testid="conflict-pick" onClick={() => void resolveConflict(repo, customerId, f, c.value)}>{t('conflict.pick')}</button>}
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
