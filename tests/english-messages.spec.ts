import { test, expect } from '@playwright/test';

// Domain validation messages follow the UI language: in English, registering a customer with a bad
// USCC and a bad mobile shows English sentences that name the field (the catalog in
// shared/domain/messages), and nothing is saved.

const SHOTS = process.env.SCREENS_DIR ?? 'test-results/screens';

test('in English, a bad USCC and mobile are refused with English messages naming the field', async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.goto('/#/customers');
  await page.getByRole('link', { name: 'Register customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register customer' })).toBeVisible();
  const values = {
    name: 'Zhengzhou Xingchen Telecom Co.',
    uscc: '9135010OM000100Y43',
    legalRepresentative: 'Wang Jianguo',
    address: '1 Huayuan Road, Zhengzhou',
    handlerName: 'Li Na',
    handlerIdNumber: '410502199003071232',
    handlerMobile: '12345',
    landline: '0371-65123456',
  };
  for (const [field, value] of Object.entries(values)) await page.getByTestId(`field-${field}`).fill(value);
  await page.getByTestId('customer-save').click();

  await expect(page.getByTestId('error-uscc')).toHaveText(
    'Character 8 (“O”) of the unified social credit code (USCC) is not allowed (digits and capital letters except I, O, S, V, Z only).',
  );
  await expect(page.getByTestId('error-handlerMobile')).toHaveText('Handler mobile: A mobile number must have 11 digits; it has 5.');
  await page.screenshot({ path: `${SHOTS}/english-messages-customer.png`, animations: 'disabled', fullPage: true });

  // A right-shaped code with a wrong check character: the manager-override hint, in English too.
  await page.getByTestId('field-uscc').fill('91350100M000100Y44');
  await expect(page.getByTestId('error-uscc')).toContainText('check character (18th)');
  await expect(page.getByTestId('error-uscc')).toContainText('a manager must give a reason');

  // Back in Chinese the same fields show the domain's zh-CN sentences, unchanged.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByTestId('error-handlerMobile')).toHaveText('经办人手机号码：手机号码应为 11 位数字，现在是 5 位。');
  await expect(page.getByTestId('error-uscc')).toContainText('如核对无误，需经理填写放行原因。');

  // Nothing of the bad input was saved.
  const saved = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('hotline-office');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('customers').objectStore('customers').count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        };
      }),
  );
  expect(saved).toBe(0);
});

test('in English, the application wizard names a bad destination number by row and the contact phone', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#/applications');
  await page.getByTestId('demo-load').click();
  await expect(page.getByTestId('snackbar')).toContainText('演示营业厅已载入', { timeout: 60_000 });
  await page.getByTestId('filter-draft').click();
  await page.getByTestId('application-row').first().click();
  const customer = (await page.locator('dd a').first().innerText()).trim();
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.goto('/#/applications/new');
  await page.getByTestId('wizard-customer-search').fill(customer);
  await page.getByTestId('wizard-customer').filter({ hasText: customer }).first().click();
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('reserved-number').first().click();
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('wizard-package').locator('..').click();
  await page.getByRole('option').first().click();
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('field-usageScope').fill('Order line');
  await page.getByTestId('field-destinationNumbers').fill('13800138000\n12345');
  await page.getByTestId('field-contactPhone').fill('0371-6512');
  await page.getByTestId('wizard-next').click();
  await expect(
    page.getByText('Entry 2: Destination number is neither a valid mobile number nor a valid landline (area code-number).'),
  ).toBeVisible();
  await expect(page.getByText('Contact phone is neither a valid mobile number nor a valid landline (area code-number).')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/english-messages-wizard.png`, animations: 'disabled', fullPage: true });
});

test('in English, a payment with a bad amount and no voucher number is refused in English, naming each field', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#/applications');
  await page.getByTestId('demo-load').click();
  await expect(page.getByTestId('snackbar')).toContainText('演示营业厅已载入', { timeout: 60_000 });
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.goto('/#/billing');
  await page.getByTestId('billing-account-row').first().click();
  await expect(page.getByTestId('ledger-balance')).toBeVisible();
  await page.getByTestId('pay-button').click();
  await page.getByTestId('payment-amount').fill('12.345');
  await page.getByTestId('payment-save').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Amount received: at most two decimals (fen).');
  await expect(dialog).toContainText('Voucher number: a payment by bank transfer needs the bank or collection voucher number.');
  expect(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(await dialog.innerText())).toBe(false);
  await page.screenshot({ path: `${SHOTS}/english-messages-payment.png`, animations: 'disabled', fullPage: true });

  // A word for an amount: the field and what was typed, in English.
  await page.getByTestId('payment-amount').fill('abc');
  await page.getByTestId('payment-reference').fill('BT-1');
  await page.getByTestId('payment-save').click();
  await expect(dialog).toContainText('Amount received: “abc” is not an amount; enter a number such as 6007.14.');
  await expect(dialog).not.toContainText('Voucher number:');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('ledger-row')).toHaveCount(0);
});
