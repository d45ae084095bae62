import { useState } from 'preact/hooks';
import { getRepo } from '../../lib/actions/context';
import { stages, type Customer } from '../../lib/domain';
import { t, type MessageKey } from '../../lib/i18n';
import { bulkEdit, type BulkChange } from '../../lib/actions/customers';
import { showToast } from '../common/Toast';
import { selection } from './state';

/** Actions on the ticked rows: stage, owner, tags, trash / restore — one transaction each. */
export function BulkBar({ ids, trash }: { ids: string[]; trash: boolean }) {
  const [tag, setTag] = useState('');
  const [owner, setOwner] = useState('');
  async function run(change: BulkChange) {
    try {
      const n = await bulkEdit(getRepo(), ids, change);
      showToast(t('ws.bulk.done', { count: n }));
      if (change.kind === 'delete' || change.kind === 'restore') selection.value = new Set();
    } catch (e) {
      showToast(t('error', { message: e instanceof Error ? e.message : String(e) }));
    }
  }
  return (
    <div class="bulkbar" data-testid="bulkbar">
      <strong>{t('ws.selected', { count: ids.length })}</strong>
      {trash ? (
        <button onClick={() => run({ kind: 'restore' })} data-testid="bulk-restore">{t('ws.bulk.restore')}</button>
      ) : (
        <>
          <select
            data-testid="bulk-stage" value=""
            onChange={(e) => { const v = e.currentTarget.value; if (v) void run({ kind: 'stage', stage: v as Customer['stage'] }); }}
          >
            <option value="">{t('ws.bulk.stage')}</option>
            {stages.map((s) => <option key={s} value={s}>{t(`stage.${s}`)}</option>)}
          </select>
          <input value={tag} placeholder={t('field.tags')} data-testid="bulk-tag" onInput={(e) => setTag(e.currentTarget.value)} />
          <button disabled={!tag.trim()} onClick={() => run({ kind: 'addTag', tag })} data-testid="bulk-add-tag">{t('ws.bulk.addTag')}</button>
          <button disabled={!tag.trim()} onClick={() => run({ kind: 'removeTag', tag })}>{t('ws.bulk.removeTag')}</button>
          <input value={owner} placeholder={t('field.owner')} data-testid="bulk-owner" onInput={(e) => setOwner(e.currentTarget.value)} />
          <button onClick={() => run({ kind: 'owner', owner })} data-testid="bulk-set-owner">{t('ws.bulk.owner')}</button>
          <button class="danger" onClick={() => run({ kind: 'delete' })} data-testid="bulk-delete">{t('ws.bulk.delete')}</button>
        </>
      )}
    </div>
  );
}
