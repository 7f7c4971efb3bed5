import { test, expect } from '@playwright/test';

// Offline-first: once the app is open, losing the network changes nothing for the clerk —
// every area still opens (their code is preloaded) and saves go to the local store.

test('keeps working offline: navigate, edit and save, still persisted afterwards', async ({ page, context }) => {
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  // The shell preloads every area's code after the first paint; wait for it to finish.
  await page.waitForLoadState('networkidle');

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: '设置' }).click();
  // the office profile is edited by a manager (the default local user is a clerk)
  await page.getByTestId('current-user').first().locator('..').click();
  await page.getByTestId('user-option-manager').click();
  await page.getByLabel('机构名称').fill('上海离线营业部');
  await page.getByLabel('地址').fill('上海市浦东新区世纪大道 100 号');
  await page.getByLabel('法定代表人').fill('李娜');
  await page.getByLabel('联系电话').fill('13812345678');
  await page.getByLabel('开户银行').fill('招商银行上海分行');
  await page.getByLabel('银行账号').fill('6225880123456789');
  await page.getByLabel('合同编号前缀').fill('SH');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('snackbar')).toContainText('机构信息已保存');

  // Every other area still opens (its code was preloaded) and none crashes.
  for (const area of ['客户', '号码', '受理', '合同', '计费', '同步']) {
    await nav.getByRole('link', { name: area, exact: true }).click();
    await expect(nav.getByRole('link', { name: area, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('main').getByText('正在加载…')).toHaveCount(0);
    await expect(page.getByTestId('area-error')).toHaveCount(0);
  }
  await nav.getByRole('link', { name: '设置' }).click();
  await expect(page.getByLabel('机构名称')).toHaveValue('上海离线营业部');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(nav.getByRole('link', { name: 'Settings' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/offline-en.png', animations: 'disabled' });
  await page.getByRole('button', { name: '中文' }).click();

  await context.setOffline(false);
  await page.reload();
  await expect(page.getByLabel('机构名称')).toHaveValue('上海离线营业部');
  await expect(page.getByLabel('合同编号前缀')).toHaveValue('SH');
  await expect(page.getByTestId('office-name')).toHaveText('上海离线营业部');
});
