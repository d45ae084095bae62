import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const csv = (rows: string[]) => ({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`) });
const HEADER = '姓名,公司,职位,邮箱,手机,标签,生日,阶段';

test('import a CSV: preview, row errors, fix, commit, rows in the table; filter, bulk edit, export and read back', async ({ openPage }) => {
  const page = await openPage('options.html#import');
  const file = page.getByTestId('import-file');

  // A file with a bad row: the preview shows it with its spreadsheet row number and nothing can be committed.
  await file.setInputFiles(csv([HEADER, '张伟,上海云帆,采购经理,zw@yunfan.cn,13800138000,高价值,--04-15,negotiating', '李娜,北京星河,CTO,ln@xinghe.cn,13900139000,价格敏感型,2月30日,active']));
  await expect(page.getByTestId('import-preview')).toContainText('张伟');
  await expect(page.getByTestId('import-errors')).toContainText('Row 3');
  await expect(page.getByTestId('import-commit')).toHaveCount(0);
  await expect(page.getByTestId('import-mapping').locator('[data-map-column="0"]')).toHaveValue('name');

  // The corrected file imports: all rows, one transaction, with progress and a report.
  await file.setInputFiles(csv([
    HEADER,
    '张伟,上海云帆,采购经理,zw@yunfan.cn,13800138000,高价值 ::: 价格敏感型,--04-15,negotiating',
    '李娜,北京星河,CTO,ln@xinghe.cn,13900139000,价格敏感型,1990-02-28,active',
    'Ada Lovelace,Analytical Engines,CEO,ada@example.com,,高价值,,active',
  ]));
  await expect(page.getByTestId('import-errors')).toHaveCount(0);
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-outcome')).toContainText('3 created');

  await page.locator('[data-tab=customers]').click();
  await expect(page.getByTestId('row-count')).toHaveText('3 customers');
  await expect(page.getByTestId('customer-table')).toContainText('李娜');

  // Filter: tags 高价值 AND 价格敏感型 → only 张伟.
  await page.locator('.filterbar summary').click();
  await page.locator('[data-filter=tags]').selectOption(['高价值', '价格敏感型']);
  await expect(page.getByTestId('row-count')).toHaveText('1 customers');
  await expect(page.getByTestId('customer-table')).toContainText('张伟');

  // Bulk edit: clear the filter, select all, set the stage and add a tag.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('row-count')).toHaveText('3 customers');
  await page.getByRole('button', { name: 'Select all' }).click();
  await page.getByTestId('bulk-stage').selectOption('renewed');
  await expect(page.locator('.toast')).toContainText('Changed 3 cards');
  await page.getByTestId('bulk-tag').fill('2026 review');
  await page.getByTestId('bulk-add-tag').click();
  await page.locator('[data-filter=stage]').selectOption(['renewed']);
  await expect(page.getByTestId('row-count')).toHaveText('3 customers');
  await expect(page.getByTestId('customer-table')).toContainText('2026 review');

  // Trash: one card moved to the trash and restored.
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await page.locator('[data-customer-row]', { hasText: 'Ada Lovelace' }).locator('input[type=checkbox]').check();
  await page.getByTestId('bulk-delete').click();
  await expect(page.getByTestId('row-count')).toHaveText('2 customers');
  await page.getByTestId('trash-toggle').check();
  await expect(page.getByTestId('customer-table')).toContainText('Ada Lovelace');
  await page.getByTestId('trash-toggle').uncheck();

  // Export everything as CSV and read the file back.
  await page.locator('[data-tab=import]').click();
  await page.getByTestId('export-all').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export=csv]').click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('张伟');
  expect(text).toContain('2026 review');
  expect(text).not.toContain('Ada Lovelace');
  expect(download.suggestedFilename()).toMatch(/^cardfile-\d{4}-\d{2}-\d{2}\.csv$/);
});

test('find two duplicates and merge them, keeping the interactions', async ({ openPage }) => {
  const page = await openPage('options.html#import');
  await page.getByTestId('import-file').setInputFiles(csv([HEADER, '张伟,上海云帆,采购经理,zw@yunfan.cn,13800138000,,,', 'Zhang Wei,Yunfan,,ZW@yunfan.cn,,vip,,']));
  await page.locator('[data-dup-mode=create]').check();
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-outcome')).toContainText('2 created');

  await page.locator('[data-tab=duplicates]').click();
  await page.locator('[data-dup-group="0"] button.link').click();
  await expect(page.getByTestId('dup-compare')).toContainText('Zhang Wei');
  await page.getByTestId('dup-merge').click();
  await expect(page.getByTestId('dup-none')).toBeVisible();

  await page.locator('[data-tab=customers]').click();
  await expect(page.getByTestId('row-count')).toHaveText('1 customers');
  await expect(page.getByTestId('customer-table')).toContainText('vip');
});

test('charts load chart.js lazily; data-quality "Fix" opens the card form; settings save; xlsx export is a workbook', async ({ openPage }) => {
  const page = await openPage('options.html');
  await page.getByTestId('load-demo').click();
  await page.getByTestId('demo-confirm-load').click();
  await expect(page.getByTestId('row-count')).toHaveText(/^[1-9]\d* customers$/);

  await page.locator('[data-tab=charts]').click();
  await expect(page.getByTestId('chart-matrix')).toBeVisible();
  await expect(page.locator('[data-testid=chart-months] canvas')).toBeVisible();
  await expect(page.getByTestId('chart-rfm').locator('tbody tr')).not.toHaveCount(0);

  await page.locator('[data-tab=quality]').click();
  const fix = page.locator('[data-fix]').first();
  await expect(fix).toBeVisible();
  await fix.click();
  await expect(page.locator('.workspace__pane form.customer-form')).toBeVisible();

  await page.locator('[data-tab=settings]').click();
  await page.locator('[name=userName]').fill('Li Na');
  await page.locator('[name=locale]').selectOption('zh-CN');
  await page.getByTestId('settings-save').click();
  await expect(page.locator('[data-tab=settings]')).toHaveText('设置');
  await page.locator('[name=locale]').selectOption('en');
  await page.getByTestId('settings-save').click();
  await expect(page.locator('[data-tab=settings]')).toHaveText('Settings');

  await page.locator('[data-tab=import]').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export=xlsx]').click()]);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
});
