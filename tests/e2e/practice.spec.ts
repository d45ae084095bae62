import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const csv = (rows: string[]) => ({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`) });

/** Import four cards of two owners the way a user does: a CSV on the import tab. */
async function seed(page: Page) {
  await page.getByTestId('import-file').setInputFiles(csv([
    '姓名,公司,职位,邮箱,手机,标签,阶段,负责人',
    '张伟,上海云帆,采购经理,zw@yunfan.cn,13800138000,低活跃,negotiating,王芳',
    '李娜,北京星河,CTO,ln@xinghe.cn,13900139000,,active,王芳',
    '赵敏,深圳天启,总监,zm@tianqi.cn,13700137000,,first-contact,李雷',
    '孙亮,杭州远景,经理,sl@yuanjing.cn,13600136000,,lost,李雷',
  ]));
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-outcome')).toContainText('4 created');
}

async function noAxeViolations(page: Page, selector: string) {
  const result = await new AxeBuilder({ page }).include(selector).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the half-yearly audit: start, confirm / correct / cannot confirm by owner, finish with the verification report as xlsx and PDF', async ({ openPage }) => {
  const page = await openPage('options.html#import');
  await seed(page);
  await page.locator('[data-tab=audit]').click();
  await page.getByTestId('audit-start').click();
  await expect(page.getByTestId('audit-open')).toContainText('4 cards to confirm');
  await expect(page.locator('[data-progress="李雷"]')).toHaveText('0 / 2');
  await noAxeViolations(page, '[data-testid=audit]');

  // 李雷's cards: one confirmed, one that could not be reached.
  await page.locator('[data-owner="李雷"]').click();
  const cards = page.getByTestId('audit-cards');
  await cards.locator('[data-card="孙亮"] [data-action=confirm]').click();
  await expect(page.locator('[data-progress="李雷"]')).toHaveText('1 / 2');
  await cards.locator('[data-card="赵敏"] [data-action=unreachable]').click();
  await cards.locator('[data-card="赵敏"] [data-correct=note]').fill('电话空号');
  await cards.locator('[data-card="赵敏"] [data-action=save-unreachable]').click();
  await expect(page.locator('[data-progress="李雷"]')).toHaveText('2 / 2');

  // 王芳: one corrected (new phone and title), one left unchecked.
  await page.locator('[data-owner="王芳"]').click();
  await cards.locator('[data-card="张伟"] [data-action=correct]').click();
  await cards.locator('[data-card="张伟"] [data-correct=phone]').fill('13811112222');
  await cards.locator('[data-card="张伟"] [data-correct=title]').fill('采购总监');
  await cards.locator('[data-card="张伟"] [data-action=save-correction]').click();
  await expect(page.locator('[data-progress="王芳"]')).toHaveText('1 / 2');

  await page.getByTestId('audit-finish').click();
  const report = page.getByTestId('verification-report');
  await expect(report.getByTestId('vr-counts')).toContainText('Corrected1');
  await expect(report.getByTestId('vr-counts')).toContainText('Could not reach1');
  await expect(report.getByTestId('vr-counts')).toContainText('Not checked1');
  await expect(report.getByTestId('vr-changed')).toContainText('Phones: 1');
  await expect(report.getByTestId('vr-not-confirmed')).toContainText('赵敏');
  await expect(report.getByTestId('vr-not-confirmed')).toContainText('电话空号');
  await expect(report.getByTestId('vr-not-confirmed')).toContainText('李娜');
  await expect(page.getByTestId('audit-start')).toBeVisible();
  await noAxeViolations(page, '[data-testid=audit]');

  // xlsx: a real workbook (a zip holding the sheets).
  const [xlsx] = await Promise.all([page.waitForEvent('download'), report.getByTestId('vr-xlsx').click()]);
  const bytes = readFileSync((await xlsx.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(xlsx.suggestedFilename()).toMatch(/^cardfile-audit-report-\d{4}-\d{2}-\d{2}\.xlsx$/);

  // PDF: the browser's print-to-PDF of the marked section (window.print stubbed: no dialog in a test).
  await page.evaluate(() => { (window as unknown as { printed: number }).printed = 0; window.print = () => { (window as unknown as { printed: number }).printed += 1; }; });
  await report.getByTestId('vr-pdf').click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await expect(report).toHaveClass(/print-target/);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('audit-cards')).toHaveCount(0);
  const pdf = await page.pdf();
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  await page.emulateMedia({ media: 'screen' });

  // The corrected card carries the new phone and its reviewedAt; the history keeps the report.
  await page.reload();
  await expect(page.getByTestId('verification-report')).toHaveCount(1);
});

test('reports, funnel and RFM: figures as table and chart, copy as text, xlsx, chart image; a segment opens the filtered table', async ({ openPage }) => {
  const page = await openPage('options.html#import');
  await seed(page);

  await page.locator('[data-tab=reports]').click();
  const table = page.getByTestId('report-table');
  await expect(table).toContainText('New customers4');
  await expect(table).toContainText('Overdue now');
  await expect(page.getByTestId('report-chart-table')).toBeVisible();
  await noAxeViolations(page, '[data-testid=reports]');
  await page.getByTestId('owner-picker').selectOption('王芳');
  await expect(table).toContainText('New customers2');
  await page.evaluate(() => {
    (window as unknown as { copied: string }).copied = '';
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (s: string) => { (window as unknown as { copied: string }).copied = s; } } });
  });
  await page.getByTestId('report-copy').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { copied: string }).copied)).toMatch(/^\[Customer weekly report\] 王芳 /);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-xlsx').click()]);
  expect(readFileSync((await xlsx.path())!).subarray(0, 2).toString()).toBe('PK');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-chart-image').click()]);
  expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');

  await page.locator('[data-tab=analysis]').click();
  await expect(page.getByTestId('funnel-table')).toContainText('First contact4');
  await expect(page.getByTestId('funnel-table')).toContainText('Negotiating2');
  await expect(page.getByTestId('rfm-segments')).toContainText('general win-back4');
  await noAxeViolations(page, '[data-testid=analysis]');
  await page.locator('[data-funnel=negotiating]').click();
  await expect(page.getByTestId('ids-filter')).toContainText('Negotiating (1)');
  await expect(page.getByTestId('row-count')).toHaveText('1 customers');
  await expect(page.getByTestId('customer-table')).toContainText('张伟');

  await page.locator('[data-tab=tags]').click();
  await expect(page.getByTestId('tag-counts')).toContainText('低活跃1');
  await noAxeViolations(page, '[data-testid=tag-review]');
});
