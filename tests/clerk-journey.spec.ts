import { test, expect, type Page } from '@playwright/test';
// the validators' own modules: the test needs nothing else from the shared index
import { usccCheckCharacter } from '../shared/domain/validation/uscc';
import { residentIdCheckCharacter } from '../shared/domain/validation/residentId';

// The "done when" of issue 4: a clerk who has never seen the application starts on an empty store,
// loads the demo office, goes offline, registers a customer, picks and reserves a number and takes
// the application to active — in Chinese. The completion form arrives the day before National Day,
// so the deemed-acceptance date falls after the holiday; the test clock then moves past it. Then the
// manager suspends and terminates the service and the number cools until the cooling period ends.

// SCREENSHOTS_DIR lets a run keep its pictures out of test-results/, which every Playwright run empties
const SHOTS = process.env.SCREENSHOTS_DIR ?? 'test-results/screens';
const DAY = 86_400_000;

const USCC17 = '91410200MA9KF0QM3';
const ID17 = '41020219880808123';
const CUSTOMER = {
  name: '开封清明上河文化传播有限公司',
  uscc: USCC17 + usccCheckCharacter(USCC17),
  legalRepresentative: '赵清明',
  address: '河南省开封市龙亭区宋都御街 8 号',
  handlerName: '孙丽',
  handlerIdNumber: ID17 + residentIdCheckCharacter(ID17),
  handlerMobile: '13903780001',
  landline: '0378-22334455',
  email: '',
};

async function switchUser(page: Page, role: 'manager' | 'clerk') {
  await page.getByTestId('current-user').first().locator('..').click();
  await page.getByTestId(`user-option-${role}`).click();
  await expect(page.getByTestId('snackbar')).toContainText(role === 'manager' ? '经理' : '业务员');
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, animations: 'disabled', fullPage: true });
}

async function clock(page: Page, fn: 'set' | 'advance', value: string | number) {
  await page.waitForFunction(() => !!window.__hotlineTestClock);
  await page.evaluate(([f, v]) => (f === 'set' ? window.__hotlineTestClock!.set(v as string) : window.__hotlineTestClock!.advance(v as number)), [fn, value] as const);
}

async function step(page: Page, action: string) {
  await page.getByTestId(`action-${action}`).click();
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __HOTLINE_TEST_HOOKS__: boolean }).__HOTLINE_TEST_HOOKS__ = true;
  });
});

test('a new clerk: demo office, register, pick and reserve, draft → active across National Day, suspend, terminate, cooling — offline, in Chinese', async ({ page, context }) => {
  test.setTimeout(180_000);
  await page.goto('/#/applications');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // Wednesday 2026-09-30, 10:00 in Shanghai: the last working day before National Day
  await clock(page, 'set', '2026-09-30T02:00:00.000Z');

  // 1. The empty store offers the demo office; it loads in chunks with a progress bar.
  const offer = page.getByTestId('demo-office-offer');
  await expect(offer).toContainText('载入演示营业厅？');
  await shot(page, 'journey-01-demo-offer');
  await page.getByTestId('demo-load').click();
  await expect(page.getByTestId('snackbar')).toContainText('演示营业厅已载入：300 家客户、3000 个号码', { timeout: 60_000 });
  await expect(offer).toHaveCount(0);
  await expect(page.getByTestId('application-row').first()).toBeVisible();
  await shot(page, 'journey-02-demo-applications');

  // From here on the network is gone: everything works on the local store.
  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  // 2. Register the customer (实名登记).
  await page.goto('/#/customers/new');
  for (const [field, value] of Object.entries(CUSTOMER)) await page.getByTestId(`field-${field}`).fill(value);
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('customer-title')).toHaveText(CUSTOMER.name);

  // 3. New application: pick the customer, pick a number and reserve it for them.
  await page.goto('/#/applications');
  await page.getByTestId('new-application').click();
  await page.getByTestId('wizard-customer-search').fill('清明上河');
  await page.getByTestId('wizard-customer').filter({ hasText: CUSTOMER.name }).click();
  await expect(page.getByTestId('chosen-customer')).toContainText(CUSTOMER.name);
  await shot(page, 'journey-03-wizard-customer');
  await page.getByTestId('wizard-next').click();

  await expect(page.getByText('这个客户还没有预占的号码')).toBeVisible();
  await page.getByTestId('picker-segment').locator('..').click();
  await page.getByRole('option', { name: '4008', exact: true }).click();
  await page.getByTestId('picker-search').click();
  const first = page.getByTestId('picker-row').first();
  await expect(first).toBeVisible();
  const display = (await first.locator('td').first().innerText()).trim();
  expect(display).toMatch(/^400-8\d\d-\d{4}$/);
  await shot(page, 'journey-04-wizard-picker');
  await first.getByRole('button', { name: '预占给该客户' }).click();
  await expect(page.getByTestId('snackbar')).toContainText(`已为客户预占 ${display}`);
  const reserved = page.getByTestId('reserved-number');
  await expect(reserved).toHaveCount(1);
  await expect(reserved).toContainText(display);
  await expect(reserved.getByRole('radio')).toBeChecked();
  await page.getByTestId('wizard-next').click();

  // 4. Package, features, the requirement form.
  await page.getByTestId('wizard-package').locator('..').click();
  await page.getByRole('option', { name: '标准套餐' }).click();
  await page.getByLabel(/彩铃/).check();
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('field-usageScope').fill('全国售后服务热线');
  await page.getByTestId('field-callCentreLocation').fill('开封市龙亭区');
  await page.getByTestId('field-business').fill('售后服务与投诉受理');
  await page.getByTestId('field-requestedOpeningDate').fill('2026-10-15');
  await page.getByTestId('field-destinationNumbers').fill('13903780001\n0378-22334455');
  await page.getByTestId('field-contactName').fill('孙丽');
  await page.getByTestId('field-contactPhone').fill('13903780001');
  await shot(page, 'journey-05-wizard-requirement');
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('wizard-review')).toContainText(display);
  await expect(page.getByTestId('wizard-review')).toContainText('13903780001、0378-22334455');
  await shot(page, 'journey-06-wizard-review');
  await page.getByTestId('wizard-submit').click();

  // 5. Submitted; the clerk cannot approve, the manager can.
  await expect(page.getByTestId('snackbar')).toContainText('已提交审批');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('待审批');
  await expect(page.getByTestId('action-approve')).toBeDisabled();
  await expect(page.getByText('审批与签约需经理办理')).toBeVisible();
  await shot(page, 'journey-07-submitted-clerk');

  await switchUser(page, 'manager');
  await expect(page.getByTestId('action-approve')).toBeEnabled();
  await step(page, 'approve');
  await page.getByTestId('step-reason').fill('资料齐全，同意办理');
  await page.getByTestId('step-confirm').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('已批准');
  await step(page, 'signContract');
  await expect(page.getByTestId('step-date')).toHaveValue('2026-09-30');
  await page.getByTestId('step-confirm').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('已签约');

  // 6. Back to the clerk: send to the carrier, the completion form comes back the same day.
  await switchUser(page, 'clerk');
  await step(page, 'sendToCarrier');
  await page.getByTestId('step-confirm').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('已报送运营商');
  await step(page, 'receiveCompletion');
  await expect(page.getByTestId('step-received-on')).toHaveValue('2026-09-30');
  // 10/1–10/7 National Day; 10/8, 10/9, 10/10 (make-up Saturday), 10/12, 10/13 are the five working days
  await expect(page.getByTestId('deemed-preview')).toHaveText('视为验收日期：2026-10-13');
  await shot(page, 'journey-08-completion-dialog');
  await page.getByTestId('step-confirm').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('已收到竣工单');
  await expect(page.getByTestId('deemed-acceptance-on')).toHaveText('2026-10-13');
  await expect(page.getByTestId('opened-on')).toHaveText('2026-09-30');
  await expect(page.getByTestId('deemed-acceptance')).toContainText('2026-10-14 起可按视为验收开通');
  await shot(page, 'journey-09-completion-received');

  // 7. Before the date the customer may still sign or object: "deemed" is not offered …
  await step(page, 'activate');
  await expect(page.getByTestId('acceptance-deemed').getByRole('radio')).toBeDisabled();
  await page.getByRole('button', { name: '取消' }).click();
  // … after it, it is. The injected clock moves to 2026-10-14, 10:00 in Shanghai.
  await clock(page, 'advance', 14 * DAY);
  await step(page, 'activate');
  await page.getByTestId('acceptance-deemed').click();
  await page.getByTestId('step-confirm').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('已开通');
  await expect(page.getByTestId('application-history')).toContainText('视为验收（合同 4.3）');
  await shot(page, 'journey-10-active');

  // 8. The service account: suspend, terminate, and the number cools.
  await page.getByTestId('open-account').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('在用');
  await expect(page.getByTestId('account-number-status')).toHaveText('在用');
  await expect(page.getByTestId('account-suspend')).toBeDisabled();
  await switchUser(page, 'manager');
  await page.getByTestId('account-suspend').click();
  await page.getByTestId('account-reason').fill('欠费未缴');
  await page.getByTestId('account-confirm').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('暂停');
  await expect(page.getByTestId('account-number-status')).toHaveText('欠费暂停');

  // Terminating for unpaid fees needs 30 days of suspension (400 agreement 第五条): refused first …
  await page.getByTestId('account-terminate').click();
  await page.getByTestId('account-reason').fill('暂停后仍未缴费');
  await page.getByTestId('account-confirm').click();
  await expect(page.getByTestId('account-error')).toContainText('暂停未满 30 日，2026-11-13 起仍未缴费才可终止');
  await shot(page, 'journey-11-terminate-refused');
  await page.getByRole('button', { name: '取消' }).click();
  // … accepted 30 days later.
  await clock(page, 'advance', 30 * DAY);
  await page.getByTestId('account-terminate').click();
  await page.getByTestId('account-reason').fill('暂停后仍未缴费');
  await page.getByTestId('account-confirm').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('已终止');
  await expect(page.getByTestId('account-number-status')).toHaveText('冷冻期');
  await expect(page.getByTestId('number-cooling')).toContainText(`${display}：冷冻期`);
  await expect(page.getByTestId('number-cooling')).toContainText('2027/2/11');
  await shot(page, 'journey-12-terminated-cooling');

  // 9. The number returns to the pool only after the cooling period (90 days by default).
  await clock(page, 'advance', 89 * DAY);
  await page.waitForTimeout(300); // the sweeper runs on the clock change; give it a moment to (not) act
  await expect(page.getByTestId('account-number-status')).toHaveText('冷冻期');
  await clock(page, 'advance', DAY);
  await expect(page.getByTestId('account-number-status')).toHaveText('可选');
  await expect(page.getByTestId('account-history')).toContainText('已终止');
  await shot(page, 'journey-13-number-available');
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
});
