import { test, expect, type Page } from '@playwright/test';

// The billing area on a demo office, offline: a payment recorded by bank transfer with its
// reference shows at once in the derived balance and on a receipt with the amount in 人民币大写;
// bad input is refused by field; a renewal below the first renewal is refused with the contract's
// message; the bill preview, reminders, automatic actions and settings screens render (the settings
// show the office's time zone read-only: it is changed with the office profile); an automatic
// action is reversed offline with a reason (queued for the server, shown as pending).

const SHOTS = process.env.SCREENSHOTS_DIR ?? 'test-results/screens';

async function shot(page: Page, name: string, fullPage = false) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, animations: 'disabled', fullPage });
}

async function loadDemo(page: Page) {
  await page.goto('/#/applications');
  await page.getByTestId('demo-load').click();
  await expect(page.getByTestId('snackbar')).toContainText('演示营业厅已载入', { timeout: 60_000 });
  await expect(page.getByTestId('demo-office-offer')).toHaveCount(0);
}

async function switchUser(page: Page, role: 'manager' | 'clerk') {
  await page.getByTestId('current-user').first().locator('..').click();
  await page.getByTestId(`user-option-${role}`).click();
  await expect(page.getByTestId('snackbar')).toContainText(role === 'manager' ? '经理' : '业务员');
}

async function openFirstAccount(page: Page) {
  await page.goto('/#/billing');
  await page.getByTestId('billing-account-row').first().click();
  await expect(page.getByTestId('ledger-balance')).toBeVisible();
}

async function pay(page: Page, button: 'pay-button' | 'renew-button', amount: string, reference: string) {
  await page.getByTestId(button).click();
  await page.getByTestId('payment-amount').fill(amount);
  await page.getByTestId('payment-reference').fill(reference);
  await page.getByTestId('payment-save').click();
}

test('a payment recorded offline shows in the balance and on a receipt in 人民币大写', async ({ page, context }) => {
  test.setTimeout(120_000);
  await loadDemo(page);
  await context.setOffline(true);
  await openFirstAccount(page);
  await expect(page.getByTestId('ledger-balance')).toHaveText('¥0.00');
  await shot(page, 'billing-ledger-empty');

  // refused by field, nothing saved
  await page.getByTestId('pay-button').click();
  await page.getByTestId('payment-amount').fill('12.345');
  await page.getByTestId('payment-save').click();
  await expect(page.getByRole('dialog')).toContainText('收款金额：最多保留两位小数（到分）。');
  await expect(page.getByRole('dialog')).toContainText('凭证号：银行转账须填写银行或托收凭证号。');
  await shot(page, 'billing-payment-refused');
  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('ledger-row')).toHaveCount(0);

  await pay(page, 'pay-button', '6007.14', 'BT20261122001');
  await expect(page.getByTestId('receipt').first()).toBeVisible();
  await expect(page.getByTestId('receipt-upper').first()).toHaveText('人民币陆仟零柒元壹角肆分');
  await expect(page.getByTestId('receipt-amount').first()).toHaveText('¥6,007.14');
  await expect(page.getByTestId('receipt-balance').first()).toHaveText('¥6,007.14');
  await expect(page.getByTestId('receipt').first()).toContainText('银行转账');
  await expect(page.getByTestId('receipt').first()).toContainText('BT20261122001');
  await shot(page, 'billing-receipt');
  // the same receipt waits in the print root (the only thing on paper while it is mounted)
  await expect(page.locator('#print-root [data-testid="receipt-upper"]')).toHaveText('人民币陆仟零柒元壹角肆分');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#print-root')).toBeVisible();
  await expect(page.getByRole('navigation').first()).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('link', { name: /返回台账/ }).click();
  await expect(page.getByTestId('ledger-balance')).toHaveText('¥6,007.14');
  await expect(page.getByTestId('ledger-row')).toHaveCount(1);
  await expect(page.getByTestId('ledger-row').first()).toContainText('待同步');
  await expect(page.getByTestId('ledger-pending')).toHaveText('1');

  // the bill preview runs offline with shared/billing
  await page.getByTestId('preview-compute').click();
  await expect(page.getByTestId('preview-total')).toHaveText(/^¥[\d,]+\.\d{2}$/);
  await shot(page, 'billing-ledger-after-payment', true);
});

test('a renewal below the first renewal is refused with the contract message', async ({ page, context }) => {
  test.setTimeout(120_000);
  await loadDemo(page);
  await context.setOffline(true);
  await openFirstAccount(page);
  await pay(page, 'renew-button', '1000', 'BT-R1');
  await expect(page.getByTestId('receipt-upper').first()).toHaveText('人民币壹仟元整');
  await page.getByRole('link', { name: /返回台账/ }).click();
  await expect(page.getByTestId('first-renewal')).toContainText('1,000.00');
  await pay(page, 'renew-button', '999.99', 'BT-R2');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('续费金额 999.99 元低于首次续费金额 1,000.00 元；按协议第四条(二)8，每次续费不得低于首次续费金额。');
  await shot(page, 'billing-renewal-refused');
  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('ledger-row')).toHaveCount(1);
  await expect(page.getByTestId('ledger-balance')).toHaveText('¥1,000.00');

  // English UI
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('pay-button')).toHaveText('Record payment');
  await expect(page.getByTestId('first-renewal')).toHaveText('First renewal: 1,000.00 CNY (no later renewal may be lower)');
  await shot(page, 'billing-ledger-en');
  await page.getByRole('button', { name: '中文' }).click();
});

test('the billing settings show the office time zone read-only; it follows the office profile', async ({ page }) => {
  await page.goto('/#/billing/settings');
  await switchUser(page, 'manager');
  const zone = page.getByTestId('setting-timeZone');
  await expect(zone).toHaveValue('Asia/Shanghai');
  await expect(zone).toHaveAttribute('readonly', '');
  await expect(page.getByText('请在“设置 → 机构信息”中修改')).toBeVisible();
  // the zone is changed once, with the office profile, and billing reads the same zone
  await page.goto('/#/settings');
  const profile = { 机构名称: '北京声通信息技术有限公司', 地址: '北京市朝阳区建国路 88 号', 法定代表人: '张伟', 联系电话: '010-65881234', 开户银行: '中国工商银行北京朝阳支行', 银行账号: '0200001234567890123', 合同编号前缀: 'BJST' };
  for (const [label, value] of Object.entries(profile)) await page.getByLabel(label).fill(value);
  await page.getByLabel('办公时区').fill('Asia/Urumqi');
  await page.getByRole('option', { name: 'Asia/Urumqi', exact: true }).click();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('snackbar')).toContainText('机构信息已保存');
  await page.goto('/#/billing/settings');
  await expect(page.getByTestId('setting-timeZone')).toHaveValue('Asia/Urumqi');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('change it under Settings → Office profile')).toBeVisible();
});

test('reminders, automatic actions and the renewal policy floor setting', async ({ page }) => {
  test.setTimeout(120_000);
  await loadDemo(page);
  await page.goto('/#/billing/reminders');
  await expect(page.getByTestId('reminders-low').getByTestId('reminder-row').first()).toBeVisible();
  await shot(page, 'billing-reminders');
  await page.getByTestId('billing-tab-actions').click();
  await expect(page.getByTestId('actions-table')).toBeVisible();
  await shot(page, 'billing-actions');
  await page.getByTestId('billing-tab-settings').click();
  await expect(page.getByTestId('settings-save')).toBeDisabled();
  await switchUser(page, 'manager');
  await page.getByTestId('setting-renewalFloorMonthlyMinimums').fill('1.5');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('续费下限（月最低消费倍数）必须是整数。')).toBeVisible();
  await page.getByTestId('setting-renewalFloorMonthlyMinimums').fill('3');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('已保存。')).toBeVisible();
  await shot(page, 'billing-settings');

  // an automatic suspension as the server's collections job publishes it; a manager reverses it with a reason
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('hotline-office');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('billingActions', 'readwrite');
          tx.objectStore('billingActions').put({ id: 'act-1', accountId: 'ZH4001372747-01', action: 'suspend', onDate: '2026-11-16', reason: '账单逾期未缴，逾期金额 300.00 元（合同 7.1）。', automatic: true, reversedAt: null, reversedBy: null, reversalReason: null, version: 9 });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  // written behind Dexie's back: reload so the page reads it
  await page.reload();
  await page.goto('/#/billing/actions');
  await page.getByTestId('actions-table').getByRole('button', { name: '撤销' }).click();
  await page.getByTestId('reverse-confirm').click();
  await expect(page.getByRole('dialog')).toContainText('撤销原因：必填。');
  await page.getByTestId('reverse-reason').fill('客户已承诺 11-20 前缴清');
  await page.getByTestId('reverse-confirm').click();
  // queued offline for the server (billingAction.reverse): shown at once as reversed, waiting for sync
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('action-reversed')).toHaveText('已撤销，待同步：客户已承诺 11-20 前缴清');
  await shot(page, 'billing-actions-reverse-offline');
});
