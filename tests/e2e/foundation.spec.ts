import { expect, test } from './fixtures';

test('create a customer with every kind of field, find it in the side panel, edit, log an interaction, reload', async ({ openPage }) => {
  const workspace = await openPage('options.html');
  await workspace.getByTestId('new-customer').click();
  const form = workspace.locator('form.customer-form');
  await form.locator('[name=kind]').selectOption('person');
  await form.locator('[name=name]').fill('张伟');
  await form.locator('[name=company]').fill('上海云帆科技有限公司');
  await form.locator('[name=title]').fill('采购经理');
  await form.locator('[data-add=emails]').click();
  await form.locator('[data-add=emails]').click();
  await form.locator('[name="emails.0.value"]').fill('zhang.wei@yunfan.cn');
  await form.locator('[name="emails.1.value"]').fill('zw@example.com');
  await form.locator('[data-add=phones]').click();
  await form.locator('[name="phones.0.raw"]').fill('138 0013 8000');
  await form.locator('[data-add=addresses]').click();
  await form.locator('[name="addresses.0.street"]').fill('张江路 88 号');
  await form.locator('[name="addresses.0.city"]').fill('上海市');
  await form.locator('[data-add=social]').click();
  await form.locator('[name="social.0.handle"]').fill('wx_zhangwei');
  await form.locator('[name="birthday.month"]').fill('2');
  await form.locator('[name="birthday.day"]').fill('29');
  await form.locator('[name=industry]').fill('I');
  await form.locator('[name=needsSummary]').fill('CRM for 50 sales staff');
  await form.locator('[name=tags]').fill('价格敏感型, vip');
  await form.getByRole('button', { name: 'Save' }).click();

  await expect(workspace.getByTestId('customer-name')).toHaveText('张伟');
  await expect(workspace.locator('.details')).toContainText('+8613800138000'.slice(-4));
  await expect(workspace.locator('.details')).toContainText('wx_zhangwei');

  const panel = await openPage('sidepanel.html');
  await panel.getByTestId('search-input').fill('yunfan');
  await panel.getByTestId('search-results').getByText('张伟').click();
  await expect(panel.getByTestId('customer-name')).toHaveText('张伟');

  await panel.getByRole('button', { name: 'Edit' }).click();
  await panel.locator('form.customer-form [name=title]').fill('技术总监');
  await panel.locator('form.customer-form').getByRole('button', { name: 'Save' }).click();
  await expect(panel.locator('.details')).toContainText('技术总监');
  // The workspace, another page, follows without a reload.
  await expect(workspace.locator('.details')).toContainText('技术总监');

  await panel.getByRole('button', { name: 'Log interaction' }).click();
  const ix = panel.locator('form.interaction-form');
  await ix.locator('[name=type]').selectOption('meeting');
  await ix.locator('[name=place]').fill('Shanghai office');
  await ix.locator('[name=content]').fill('Demo of the pilot went well');
  await ix.locator('[name=result]').fill('Agreed to a pilot');
  await ix.locator('[name=nextStep]').fill('Send the quotation');
  await ix.locator('[name=nextStepDue]').fill('2030-01-15');
  await ix.getByRole('button', { name: 'Save' }).click();
  await expect(panel.locator('[data-interaction=meeting]')).toContainText('Demo of the pilot went well');

  await panel.reload();
  await panel.getByTestId('search-input').fill('张伟');
  await panel.getByTestId('search-results').getByText('张伟').click();
  await expect(panel.locator('.details')).toContainText('技术总监');
  await expect(panel.locator('[data-interaction=meeting]')).toContainText('Send the quotation');
});

test('bad input shows which field is wrong and saves nothing', async ({ openPage }) => {
  const workspace = await openPage('options.html');
  await workspace.getByTestId('new-customer').click();
  const form = workspace.locator('form.customer-form');
  await form.locator('[data-add=emails]').click();
  await form.locator('[name="emails.0.value"]').fill('not-an-email');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.locator('[data-error-for=name]')).toBeVisible();
  await expect(form.locator('[data-error-for="emails.0.value"]')).toBeVisible();
  await workspace.reload();
  await expect(workspace.getByTestId('empty-list')).toBeVisible();
});

test('soft delete and undo', async ({ openPage }) => {
  const workspace = await openPage('options.html');
  await workspace.getByTestId('new-customer').click();
  await workspace.locator('form.customer-form [name=name]').fill('Ada Lovelace');
  await workspace.locator('form.customer-form').getByRole('button', { name: 'Save' }).click();
  await workspace.getByRole('button', { name: 'Delete' }).click();
  await expect(workspace.getByTestId('empty-list')).toBeVisible();
  await workspace.getByRole('button', { name: 'Undo' }).click();
  await expect(workspace.getByTestId('customer-table')).toContainText('Ada Lovelace');
});

test('switch the interface language', async ({ openPage }) => {
  const workspace = await openPage('options.html');
  await expect(workspace.getByTestId('new-customer')).toHaveText('New customer');
  await workspace.getByTestId('lang-switch').selectOption('zh-CN');
  await expect(workspace.getByTestId('new-customer')).toHaveText('新建客户');
  const popup = await openPage('popup.html');
  await expect(popup.getByTestId('open-workspace')).toHaveText('打开工作台');
  await workspace.reload();
  await expect(workspace.getByTestId('new-customer')).toHaveText('新建客户');
});
