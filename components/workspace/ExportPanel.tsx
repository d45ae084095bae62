import { useState } from 'preact/hooks';
import { getRepo } from '../../lib/actions/context';
import { countCustomers } from '../../lib/db/queries';
import { exportBackupFile } from '../../lib/security/backup';
import type { Customer } from '../../lib/domain';
import { t } from '../../lib/i18n';
import { exportCustomersCsv, exportCustomersVCard, forEachCustomerPage } from '../../lib/import-export/export';
import { showToast } from '../common/Toast';
import { download, stamp } from './download';
import { resolveViewIds } from '../../lib/workspace/query';
import { currentIds, currentView } from './state';

type Format = 'csv' | 'xlsx' | 'vcf4' | 'vcf3' | 'backup';

/** Export the current view or everything: CSV (streamed), xlsx, vCard 4.0 / 3.0, full JSON backup. */
export function ExportPanel() {
  const [scope, setScope] = useState<'view' | 'all'>('view');
  const [busy, setBusy] = useState(false);
  const ids = currentIds.value;
  async function run(format: Format) {
    setBusy(true);
    try {
      const repo = getRepo();
      // The table may not have been opened yet: resolve the current view's ids from the indexes.
      const inView = scope === 'view' ? new Set(ids ?? (await resolveViewIds(repo, currentView.value))) : undefined;
      const filter = inView ? (c: Customer) => inView.has(c.id) : undefined;
      const count = inView ? inView.size : await countCustomers(repo);
      if (format === 'csv') download(await exportCustomersCsv(repo, filter), `${stamp('cardfile')}.csv`);
      else if (format === 'vcf4' || format === 'vcf3') download(await exportCustomersVCard(repo, format === 'vcf4' ? '4.0' : '3.0', filter), `${stamp('cardfile')}.vcf`);
      else if (format === 'xlsx') {
        const rows: Customer[] = [];
        await forEachCustomerPage(repo, (page) => rows.push(...page), filter);
        const { toXlsx } = await import('../../lib/import-export/xlsx');
        download(await toXlsx(rows), `${stamp('cardfile')}.xlsx`);
      } else {
        // The same file as Privacy → Backup (unencrypted here); it also resets the backup reminder.
        download(await exportBackupFile(repo), `${stamp('cardfile-backup')}.json`); // written page by page (lib/db/backup)
      }
      showToast(t('exp.done', { count }));
    } catch (e) {
      showToast(t('error', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="export" data-testid="export-panel">
      <h2>{t('exp.title')}</h2>
      <div class="row">
        {t('exp.scope')}:
        <label class="row nowrap"><input type="radio" name="exp-scope" checked={scope === 'view'} onChange={() => setScope('view')} />{t('exp.scope.view', { count: ids?.length ?? '…' })}</label>
        <label class="row nowrap"><input type="radio" name="exp-scope" checked={scope === 'all'} onChange={() => setScope('all')} data-testid="export-all" />{t('exp.scope.all')}</label>
      </div>
      <div class="actions">
        {(['csv', 'xlsx', 'vcf4', 'vcf3', 'backup'] as const).map((f) => (
          <button key={f} disabled={busy} onClick={() => run(f)} data-export={f}>{t(`exp.${f}`)}</button>
        ))}
      </div>
    </section>
  );
}
