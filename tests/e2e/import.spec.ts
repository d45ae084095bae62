import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';

const fixture = (name: string) => path.resolve('tests', 'fixtures', 'import', name);

test('a Windows-1252 Outlook 2000 export imports through the wizard: detected encoding shown, accents intact, 0/0/00 is no error', async ({ openPage }) => {
  const page = await openPage('options.html#import');
  await page.getByTestId('import-file').setInputFiles(fixture('outlook-2000-win1252.csv'));
  await expect(page.getByTestId('import-preview')).toContainText('José Müller');
  await expect(page.getByTestId('import-preview')).toContainText('Zoë Ørsted');
  await expect(page.getByTestId('import-encoding-select').locator('option').first()).toContainText('Windows-1252');
  await expect(page.getByTestId('import-errors')).toHaveCount(0);
  // The mapping speaks the user's words, never ids such as "firstName".
  const firstName = page.getByTestId('import-mapping').locator('[data-map-column="1"]');
  await expect(firstName.locator('option:checked')).toHaveText('Given name');
  // Choosing another encoding reads the file again that way; back to automatic restores it.
  await page.getByTestId('import-encoding-select').selectOption('windows-1251');
  await expect(page.getByTestId('import-preview')).not.toContainText('José Müller');
  await page.getByTestId('import-encoding-select').selectOption('');
  await expect(page.getByTestId('import-preview')).toContainText('José Müller');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-outcome')).toContainText('4 created');
  await page.locator('[data-tab=customers]').click();
  await expect(page.getByTestId('customer-table')).toContainText('François Lefèvre');
  await expect(page.getByTestId('customer-table')).toContainText('Sales Team');
});

test('a Google Contacts export imports: Chinese names, phonetic columns not phones, the email-only contact named', async ({ openPage }) => {
  const page = await openPage('options.html#import');
  await page.getByTestId('import-file').setInputFiles(fixture('google-contacts.csv'));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('张伟');
  await expect(preview).toContainText('+86 138 0013 8000');
  await expect(preview).not.toContainText('Wei,');
  await expect(preview).toContainText('Li Na');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-outcome')).toContainText('3 created');
});

test('fix a bad file and choose the same file again: it is read again, errors name row and column', async ({ openPage }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cardfile-import-'));
  const file = path.join(dir, 'contacts.csv');
  writeFileSync(file, 'Name,Email,Birthday\r\nAda,ada@example.com,2/30/1990\r\nBob,bob@example.com,1/2/1980\r\n');
  const page = await openPage('options.html#import');
  const input = page.getByTestId('import-file');
  await input.setInputFiles(file);
  await expect(page.getByTestId('import-errors')).toContainText('Row 2');
  await expect(page.getByTestId('import-errors')).toContainText('column "Birthday"');
  await expect(page.getByTestId('import-commit')).toHaveCount(0);
  // The user corrects the file in their spreadsheet and picks the very same file again.
  writeFileSync(file, 'Name,Email,Birthday\r\nAda,ada@example.com,2/28/1990\r\nBob,bob@example.com,1/2/1980\r\n');
  await input.setInputFiles(file);
  await expect(page.getByTestId('import-errors')).toHaveCount(0);
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-outcome')).toContainText('2 created');
  expect(readFileSync(file, 'utf8')).toContain('2/28/1990');
});
