import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const emlPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'eml', 'chinese-signature.eml');

test('an .eml file opened in the side panel fills the review form; saving logs the email once', async ({ openPage }) => {
  const panel = await openPage('sidepanel.html');
  await panel.getByTestId('eml-input').setInputFiles(emlPath);
  await expect(panel.getByTestId('review')).toBeVisible();
  const contact = panel.getByTestId('review-contact').first();
  await expect(contact.locator('[name="0.name"]')).toHaveValue('王芳');
  await expect(contact.locator('[name="0.emails"]')).toHaveValue('wang.fang@yunfan.test');
  await expect(contact.locator('[name="0.company"]')).toHaveValue('上海云帆科技有限公司');
  await panel.getByTestId('review-save').click();
  await expect(panel.getByTestId('customer-name')).toHaveText('王芳');
  await expect(panel.locator('[data-interaction=email]')).toContainText('报价单确认');

  // Dropping the same file again: same review, the email is not logged twice.
  const bytes = [...readFileSync(emlPath)];
  const transfer = await panel.evaluateHandle((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'again.eml', { type: 'message/rfc822' }));
    return dt;
  }, bytes);
  await panel.locator('.eml-drop').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(panel.getByTestId('review')).toBeVisible();
  await panel.getByTestId('review-save').click();
  await expect(panel.locator('[data-interaction=email]')).toHaveCount(1);
});

test('a file that is not an email says so and opens nothing', async ({ openPage }) => {
  const panel = await openPage('sidepanel.html');
  await panel.getByTestId('eml-input').setInputFiles({ name: 'photo.eml', mimeType: 'message/rfc822', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
  await expect(panel.locator('.toast')).toContainText("Couldn't read photo.eml");
  await expect(panel.getByTestId('review')).toHaveCount(0);
});
