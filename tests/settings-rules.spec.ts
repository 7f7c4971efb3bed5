import { test, expect, type Page } from '@playwright/test';

// The office's rule settings (业务规则) on the settings screen: read-only for a clerk, edited by a
// manager, checked field by field in the UI language with nothing saved while any field is bad,
// saved offline and queued as office.update with the changed keys only.

const SHOTS = 'test-results/screens';

async function switchUser(page: Page, role: 'manager' | 'clerk') {
  await page.getByTestId('current-user').first().locator('..').click();
  await page.getByTestId(`user-option-${role}`).click();
  await expect(page.getByTestId('snackbar')).toContainText(role === 'manager' ? '经理' : '业务员');
}

/** The office.update commands waiting in the app's outbox. */
function queuedOfficeUpdates(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('hotline-office');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('outbox').objectStore('outbox').getAll();
          req.onsuccess = () => resolve((req.result as { name: string; args: unknown }[]).filter((r) => r.name === 'office.update').map((r) => r.args));
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

const field = (page: Page, name: string) => page.getByTestId(`rule-${name}`);
const saveRules = (page: Page) => page.getByTestId('office-rules-save').click();

test('a clerk reads the rules with their clauses; a manager changes them, bad values refused per field', async ({ page }) => {
  await page.goto('/#/settings');
  const rules = page.getByTestId('office-rules');
  await expect(rules.getByRole('heading', { name: '业务规则' })).toBeVisible();
  // the defaults, each with the clause it comes from
  await expect(field(page, 'reservationDays')).toHaveValue('15');
  await expect(field(page, 'coolingDays')).toHaveValue('90');
  await expect(field(page, 'suspensionToTerminationDays')).toHaveValue('30');
  await expect(field(page, 'overdueDaysToTermination')).toHaveValue('90');
  await expect(field(page, 'attachmentMaxBytes')).toHaveValue('10');
  await expect(rules).toContainText('4008 合同第 7.3 条');
  await expect(rules).toContainText('400 协议第五条（二）1');
  await expect(rules).toContainText('4008 合同第 7.1 条');
  // the default local user is a clerk: read-only, no save button
  await expect(page.getByTestId('office-rules-readonly')).toContainText('只有经理或管理员可以修改业务规则');
  await expect(field(page, 'coolingDays')).toBeDisabled();
  await expect(page.getByTestId('office-rules-save')).toHaveCount(0);
  await rules.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/settings-rules-clerk.png`, animations: 'disabled', fullPage: true });

  await switchUser(page, 'manager');
  await expect(field(page, 'coolingDays')).toBeEnabled();
  await field(page, 'reservationDays').fill('');
  await field(page, 'coolingDays').fill('3651');
  await field(page, 'overdueDaysToTermination').fill('三十');
  await saveRules(page);
  await expect(rules).toContainText('请填写号码预占天数');
  await expect(rules).toContainText('号码冷冻期不能超过 3650 天');
  await expect(rules).toContainText('逾期终止天数应为整数');
  await expect(page.getByTestId('snackbar')).toContainText('有 3 项需要修改');
  await expect(field(page, 'reservationDays')).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/settings-rules-errors.png`, animations: 'disabled', fullPage: true });
  expect(await queuedOfficeUpdates(page)).toEqual([]);

  // nothing was written: a reload shows the defaults again
  await page.reload();
  await expect(field(page, 'reservationDays')).toHaveValue('15');
  await expect(field(page, 'coolingDays')).toHaveValue('90');

  await field(page, 'reservationDays').fill('7');
  await field(page, 'coolingDays').fill('60');
  await field(page, 'attachmentMaxBytes').fill('20');
  await saveRules(page);
  await expect(page.getByTestId('snackbar')).toContainText('业务规则已保存');
  expect(await queuedOfficeUpdates(page)).toEqual([{ settings: { reservationDays: 7, coolingDays: 60, attachmentMaxBytes: 20 * 1024 * 1024 } }]);
  await page.reload();
  await expect(field(page, 'reservationDays')).toHaveValue('7');
  await expect(field(page, 'coolingDays')).toHaveValue('60');
  await expect(field(page, 'attachmentMaxBytes')).toHaveValue('20');
  await expect(field(page, 'overdueDaysToTermination')).toHaveValue('90');
  await page.screenshot({ path: `${SHOTS}/settings-rules-saved.png`, animations: 'disabled', fullPage: true });
});

test('rule messages follow the language', async ({ page }) => {
  await page.goto('/#/settings');
  await switchUser(page, 'manager');
  await field(page, 'suspensionToTerminationDays').fill('-1');
  await saveRules(page);
  await expect(page.getByTestId('office-rules')).toContainText('暂停后终止天数不能小于 0 天');
  await page.getByRole('button', { name: 'English' }).click();
  const rules = page.getByTestId('office-rules');
  await expect(rules.getByRole('heading', { name: 'Office rules' })).toBeVisible();
  await expect(rules).toContainText('Days from suspension to termination: at least 0 days');
  await expect(rules).toContainText('4008 contract 7.3');
  await page.screenshot({ path: `${SHOTS}/settings-rules-en.png`, animations: 'disabled', fullPage: true });
});
