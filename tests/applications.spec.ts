import { test, expect, type Page } from '@playwright/test';
import { storeCount } from './e2e-idb';

// The applications area on a demo office: the list by status, the wizard refusing a bad
// destination number by row with nothing saved, a manager's rejection (with a reason) and the
// clerk's revision, role-disabled actions, the account list, and the English UI.

// SCREENSHOTS_DIR lets a run keep its pictures out of test-results/, which every Playwright run empties
const SHOTS = process.env.SCREENSHOTS_DIR ?? 'test-results/screens';

async function shot(page: Page, name: string, fullPage = false) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, animations: 'disabled', fullPage });
}

async function switchUser(page: Page, role: 'manager' | 'clerk') {
  await page.getByTestId('current-user').first().locator('..').click();
  await page.getByTestId(`user-option-${role}`).click();
  await expect(page.getByTestId('snackbar')).toContainText(role === 'manager' ? '经理' : '业务员');
}

const count = storeCount;

async function loadDemo(page: Page) {
  await page.goto('/#/applications');
  await page.getByTestId('demo-load').click();
  await expect(page.getByTestId('demo-progress')).toBeVisible();
  await expect(page.getByTestId('snackbar')).toContainText('演示营业厅已载入', { timeout: 60_000 });
  await expect(page.getByTestId('demo-office-offer')).toHaveCount(0);
}

test('the list filters by status and searches; every state of the demo office is there', async ({ page }) => {
  test.setTimeout(120_000);
  await loadDemo(page);
  for (const s of ['draft', 'submitted', 'approved', 'contract_signed', 'sent_to_carrier', 'completion_received', 'active', 'rejected', 'cancelled']) {
    await expect(page.getByTestId(`filter-${s}`)).not.toHaveText(/ 0$/);
  }
  await page.getByTestId('filter-rejected').click();
  const rows = page.getByTestId('application-row');
  await expect(rows.first()).toBeVisible();
  const statuses = await page.getByTestId('application-list').getByTestId('application-status').allInnerTexts();
  expect(new Set(statuses)).toEqual(new Set(['已退回']));
  await shot(page, 'applications-list-rejected');

  await page.getByTestId('filter-completion_received').click();
  await expect(rows.first()).toContainText('已收到竣工单');
  // the deemed-acceptance column is filled for these
  await expect(rows.first().locator('td').nth(5)).toHaveText(/^\d{4}-\d{2}-\d{2}$/);

  // search by the number of the first row
  const number = (await rows.first().locator('td').nth(3).innerText()).trim();
  await page.getByTestId('filter-all').click();
  await page.getByTestId('application-search').fill(number.slice(-8));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(number);

  await page.getByTestId('tab-accounts').click();
  await expect(page.getByTestId('account-row').first()).toBeVisible();
  const accountStatuses = new Set(await page.getByTestId('account-list').getByTestId('account-status').allInnerTexts());
  expect(accountStatuses).toEqual(new Set(['在用', '暂停', '已终止', '已销户']));
  await shot(page, 'accounts-list');
});

test('the wizard names a bad destination number by row and saves nothing until it is fixed', async ({ page }) => {
  test.setTimeout(120_000);
  await loadDemo(page);
  const before = await count(page, 'applications');
  // a demo draft has a customer with a reserved number: start from its customer
  await page.getByTestId('filter-draft').click();
  await page.getByTestId('application-row').first().click();
  const customer = (await page.locator('dd a').first().innerText()).trim();
  await page.goto('/#/applications/new');
  await page.getByTestId('wizard-customer-search').fill(customer);
  await page.getByTestId('wizard-customer').filter({ hasText: customer }).first().click();
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('reserved-number').first().click();
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('wizard-package').locator('..').click();
  await page.getByRole('option', { name: '入门套餐' }).click();
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('field-usageScope').fill('订购热线');
  await page.getByTestId('field-callCentreLocation').fill('郑州');
  await page.getByTestId('field-business').fill('订单受理');
  await page.getByTestId('field-requestedOpeningDate').fill('2026-12-01');
  await page.getByTestId('field-destinationNumbers').fill('13800138000\n12345');
  await page.getByTestId('field-contactName').fill('李娜');
  await page.getByTestId('field-contactPhone').fill('0371-6512');
  await page.getByTestId('wizard-next').click();
  await expect(page.getByText(/第 2 个被叫电话号码/)).toBeVisible();
  await expect(page.getByText(/联系电话既不是有效的手机号码，也不是有效的固定电话/)).toBeVisible();
  await expect(page.getByTestId('wizard-error')).toContainText('请先改正标出的字段');
  await shot(page, 'applications-wizard-errors');
  expect(await count(page, 'applications')).toBe(before);

  await page.getByTestId('field-destinationNumbers').fill('13800138000\n0371-65123456');
  await page.getByTestId('field-contactPhone').fill('0371-65123456');
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('wizard-save').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('草稿');
  expect(await count(page, 'applications')).toBe(before + 1);
});

test('approval is the manager’s: a rejection needs a reason and shows where it happened; the clerk revises', async ({ page }) => {
  test.setTimeout(120_000);
  await loadDemo(page);
  await page.getByTestId('filter-submitted').click();
  await page.getByTestId('application-row').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('待审批');
  // the clerk sees the buttons, disabled, and why
  await expect(page.getByTestId('action-approve')).toBeDisabled();
  await expect(page.getByTestId('action-reject')).toBeDisabled();
  await shot(page, 'applications-detail-clerk');

  await switchUser(page, 'manager');
  await page.getByTestId('action-reject').click();
  await page.getByTestId('step-confirm').click();
  await expect(page.getByTestId('step-dialog')).toContainText('原因：退回或作废受理单时必须填写原因。');
  await page.getByTestId('step-reason').fill('营业执照复印件不清晰，请重新提供');
  await page.getByTestId('step-confirm').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('已退回');
  await expect(page.getByTestId('rejection')).toHaveText('已在“待审批”环节退回：营业执照复印件不清晰，请重新提供');
  await shot(page, 'applications-detail-rejected');

  await switchUser(page, 'clerk');
  await page.getByTestId('action-revise').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('草稿');
  await expect(page.getByTestId('application-history')).toContainText('经理 · 退回');
});

test('a suspended account: the clerk may not act on it; the manager resumes it; the English UI', async ({ page }) => {
  test.setTimeout(120_000);
  await loadDemo(page);
  await page.getByTestId('tab-accounts').click();
  await page.getByText('暂停', { exact: true }).first().click();
  await page.getByTestId('account-row').filter({ hasText: '暂停' }).first().click();
  await expect(page.getByTestId('account-resume')).toBeDisabled();
  await expect(page.getByTestId('account-terminate')).toBeDisabled();
  await expect(page.getByTestId('account-number-status')).toHaveText('欠费暂停');
  await shot(page, 'account-suspended-clerk');
  await switchUser(page, 'manager');
  await page.getByTestId('account-resume').click();
  await page.getByTestId('account-reason').fill('已缴清欠费');
  await page.getByTestId('account-confirm').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('在用');
  await expect(page.getByTestId('account-number-status')).toHaveText('在用');
  await expect(page.getByTestId('account-history')).toContainText('已缴清欠费');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Active');
  await expect(page.getByTestId('account-suspend')).toHaveText('Suspend');
  await shot(page, 'account-english');
  await page.goto('/#/applications');
  await page.getByTestId('filter-completion_received').click();
  await page.getByTestId('application-row').first().click();
  await expect(page.getByTestId('status-stepper')).toContainText('Completion form received');
  await expect(page.getByTestId('deemed-acceptance')).toContainText('Deemed acceptance date');
  await shot(page, 'applications-detail-english');
});

/** The first demo customer (by name) with this real-name status, other than `exceptName`. */
async function customerNamed(page: Page, status: 'verified' | 'pending', exceptName: string): Promise<string> {
  return page.evaluate(
    (except) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('hotline-office');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('customers').objectStore('customers').getAll();
          req.onsuccess = () => {
            const rows = req.result as { name: string; realNameStatus: string }[];
            resolve(rows.filter((c) => c.realNameStatus === except[0] && c.name !== except[1]).sort((a, b) => a.name.localeCompare(b.name))[0]!.name);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    [status, exceptName] as const,
  );
}

test('an active account: a change requirement form is kept with it; 过户 needs the new customer’s real-name data', async ({ page }) => {
  test.setTimeout(120_000);
  await loadDemo(page);
  await page.getByTestId('tab-accounts').click();
  await page.getByTestId('account-row').filter({ hasText: '在用' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('在用');
  const customer = (await page.locator('dd a').first().innerText()).trim();

  // 4008 contract 2.2: a change is a new requirement form, kept with the account
  await page.getByTestId('account-change').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('服务变更需求单');
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('field-destinationNumbers').fill('13912345678');
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('wizard-review')).toContainText('13912345678');
  await page.getByTestId('wizard-save').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/受理单 BG\d{8}-/);
  await page.getByTestId('open-account').click();
  await expect(page.getByText(/BG\d{8}-\w+ · 变更/)).toBeVisible();

  // 过户: a customer without verified real-name data or scans is refused, naming what is missing
  await switchUser(page, 'manager');
  await page.getByTestId('account-transfer').click();
  const dialog = page.getByTestId('account-dialog');
  const choose = async (name: string) => {
    await dialog.getByLabel('新客户').first().fill(name);
    await dialog.getByRole('combobox').click();
    await page.getByRole('option', { name: new RegExp(name) }).click();
  };
  const unverified = await customerNamed(page, 'pending', customer);
  await choose(unverified);
  await page.getByTestId('account-reason').fill('公司业务整体转让');
  await page.getByTestId('account-confirm').click();
  await expect(dialog).toContainText(`新客户“${unverified}”尚未实名核验，且缺少营业执照、经办人身份证扫描件，不能过户。`);
  await shot(page, 'account-transfer-refused');

  const target = await customerNamed(page, 'verified', customer);
  await choose(target);
  await shot(page, 'account-transfer-dialog');
  await page.getByTestId('account-confirm').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('dd a').first()).toHaveText(target);
  await expect(page.getByTestId('account-history')).toContainText(`过户：${customer} → ${target}；公司业务整体转让`);
  await shot(page, 'account-transferred');
});
