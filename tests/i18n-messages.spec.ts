import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { storeCount as countOf } from './e2e-idb';

// With the UI in English, the refusals of the repositories (not only the live form checks) are
// English sentences naming the field: registering a customer whose USCC is already registered and
// whose required fields are empty; recording a contract signature with a date after today, no
// signatory and no scan. Back in Chinese the same refusals are the zh-CN sentences. Nothing of the
// refused input is saved.
//
// Printed contracts come from the seeding hook the contracts area installs when the test asks for
// hooks before the app starts (renderer/src/data/contractsTestSeed.ts).

const SHOTS = process.env.SCREENS_DIR ?? 'test-results/screens';
mkdirSync(SHOTS, { recursive: true });

// window.__HOTLINE_TEST_HOOKS__ and window.__hotlineContractsSeed are declared with the seeding hook.

const CJK = /[\u4e00-\u9fff]/;

async function toEnglish(page: Page) {
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

const CUSTOMER = {
  name: 'Zhengzhou Xingchen Telecom Co.',
  uscc: '91350100M000100Y43',
  legalRepresentative: 'Wang Jianguo',
  address: '1 Huayuan Road, Zhengzhou',
  handlerName: 'Li Na',
  handlerIdNumber: '410502199003071232',
  handlerMobile: '13800138000',
  landline: '0371-65123456',
};

async function fillCustomer(page: Page, values: Record<string, string>) {
  // through the navigation, as a person does (a hash-only page.goto raced the form's own navigation)
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(page).toHaveURL(/#\/customers$/);
  await page.getByRole('link', { name: 'Register customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register customer' })).toBeVisible();
  for (const [field, value] of Object.entries(values)) await page.getByTestId(`field-${field}`).fill(value);
  await page.getByTestId('customer-save').click();
}

test('English customer form: empty fields and an already registered USCC are refused in English, naming the field', async ({ page }) => {
  await toEnglish(page);

  // Empty required fields: every one named in English.
  await fillCustomer(page, { name: '', handlerMobile: '138' });
  await expect(page.getByTestId('error-name')).toHaveText('Company name is required.');
  await expect(page.getByTestId('error-legalRepresentative')).toHaveText('Legal representative is required.');
  await expect(page.getByTestId('error-handlerMobile')).toHaveText('Handler mobile: A mobile number must have 11 digits; it has 3.');
  await page.screenshot({ path: `${SHOTS}/i18n-customer-empty-en.png`, animations: 'disabled', fullPage: true });

  // A valid customer, then the same USCC again: the repository refuses it under the USCC field.
  await fillCustomer(page, CUSTOMER);
  await expect(page).toHaveURL(/#\/customers\/[^/]+$/);
  await fillCustomer(page, { ...CUSTOMER, name: 'Another Company Ltd.' });
  const duplicate = page.getByTestId('error-uscc');
  await expect(duplicate).toHaveText(
    `This unified social credit code (USCC) is already registered for customer “${CUSTOMER.name}”; do not register it twice.`,
  );
  await page.screenshot({ path: `${SHOTS}/i18n-customer-duplicate-en.png`, animations: 'disabled', fullPage: true });
  expect(await countOf(page, 'customers')).toBe(1);

  // In Chinese the repository's sentence is the zh-CN one.
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('error-uscc')).toHaveText(`统一社会信用代码已登记为客户「${CUSTOMER.name}」，请勿重复登记。`);
  expect(await countOf(page, 'customers')).toBe(1);
});

test('English contract signature form: a future date, no signatory and no scan are refused in English, naming each field', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    window.__HOTLINE_TEST_HOOKS__ = true;
    window.print = () => undefined;
  });
  await toEnglish(page);
  await page.goto('/#/contracts');
  await page.waitForFunction(() => typeof window.__hotlineContractsSeed === 'function');
  const [app] = await page.evaluate(() => window.__hotlineContractsSeed!(1));

  // A manager makes and prints the contract (a batch of one), so it can be signed.
  await page.getByTestId('current-user').first().locator('..').click();
  await page.getByTestId('user-option-manager').click();
  await page.getByTestId('tab-applications').click();
  await page.getByTestId('contractable-select').first().locator('input').check();
  await Promise.all([page.waitForEvent('download'), page.getByTestId('batch-export').click()]);
  await page.getByTestId('batch-close').click();
  await page.getByTestId('tab-register').click();
  const row = page.getByTestId('contract-row').filter({ hasText: app!.customerName });
  await expect(row.getByTestId('contract-status')).toHaveText('Printed');

  await row.getByTestId('contract-sign').click();
  await page.getByTestId('sign-date').fill('2099-01-01');
  await page.getByTestId('sign-signer').fill('');
  await page.getByTestId('sign-submit').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Signing date: may not be after today.')).toBeVisible();
  await expect(dialog.getByText("Customer's signatory: enter who signed for the customer.")).toBeVisible();
  await expect(dialog.getByText('Signed scan: attach the scan of the signed contract (JPEG, PNG or PDF).')).toBeVisible();
  await expect(page.getByTestId('snackbar')).not.toContainText(/[\u4e00-\u9fff]/);
  expect(CJK.test(await dialog.innerText())).toBe(false);
  await page.screenshot({ path: `${SHOTS}/i18n-contract-sign-en.png`, animations: 'disabled', fullPage: true });

  // A file that is no scan is named as well; still nothing is signed.
  await page.getByTestId('sign-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a scan') });
  await page.getByTestId('sign-submit').click();
  await expect(dialog.getByText('Signed scan: only JPEG, PNG or PDF files are accepted; “notes.txt” is none of them.')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(row.getByTestId('contract-status')).toHaveText('Printed');
});
