import { test, expect, type Page } from '@playwright/test';

// 客户实名登记 end to end, on the built renderer with its real IndexedDB: bad data is refused
// field by field and nothing is saved; good data is saved, found by search and listed with the
// ID number masked; a USCC with a wrong check character passes only with a manager's reason;
// attachments show their SHA-256; the history tab records the change.

const GOOD = {
  name: '郑州星辰通信科技有限公司',
  uscc: '91350100M000100Y43',
  legalRepresentative: '王建国',
  address: '河南省郑州市金水区花园路 1 号',
  handlerName: '李娜',
  handlerIdNumber: '410502199003071232',
  handlerMobile: '138 0013 8000',
  landline: '0371-65123456',
  email: '',
};
type Form = typeof GOOD;

// SCREENS_DIR lets a run keep its screenshots out of a test-results folder another run may clear.
const SHOTS = process.env.SCREENS_DIR ?? 'test-results/screens';

async function fill(page: Page, values: Partial<Form>) {
  for (const [field, value] of Object.entries(values)) await page.getByTestId(`field-${field}`).fill(value);
}

async function openNewForm(page: Page) {
  await page.goto('/#/customers');
  await page.getByRole('link', { name: '登记新客户' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '登记新客户' })).toBeVisible();
}

async function countCustomers(page: Page): Promise<number> {
  return page.evaluate(
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
}

async function switchUser(page: Page, role: 'manager' | 'clerk') {
  await page.getByTestId('current-user').first().locator('..').click();
  await page.getByTestId(`user-option-${role}`).click();
}

test('bad data is refused field by field and nothing is saved; good data is saved, searchable and masked', async ({ page }) => {
  await openNewForm(page);
  await fill(page, {
    ...GOOD,
    name: '',
    uscc: '9135010OM000100Y43',
    handlerIdNumber: '410502199003071233',
    handlerMobile: '12345',
    landline: '0371-0123456',
    email: 'not-an-email',
  });
  await page.getByTestId('customer-save').click();

  await expect(page.getByTestId('error-name')).toHaveText('企业名称不能为空。');
  await expect(page.getByTestId('error-uscc')).toContainText('第 8 位“O”不是有效字符');
  await expect(page.getByTestId('error-handlerIdNumber')).toContainText('经办人身份证号码');
  await expect(page.getByTestId('error-handlerMobile')).toContainText('经办人手机号码');
  await expect(page.getByTestId('error-landline')).toContainText('企业固定电话');
  await expect(page.getByTestId('error-email')).toContainText('电子邮箱');
  await expect(page.getByText('有 6 项需要修改')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/customers-form-errors.png`, animations: 'disabled', fullPage: true });
  expect(await countCustomers(page)).toBe(0);

  // Corrected, every message goes and the customer is saved.
  await fill(page, GOOD);
  await expect(page.getByTestId('error-name')).not.toHaveText('企业名称不能为空。');
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('customer-title')).toHaveText(GOOD.name);
  expect(await countCustomers(page)).toBe(1);

  // A second one, so the search has something to tell apart.
  await openNewForm(page);
  await fill(page, { ...GOOD, name: '广州南方云呼叫中心有限公司', uscc: '91110108MA01ABCD1E', handlerMobile: '13612340000', handlerIdNumber: '11010519491231002X' });
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('customer-title')).toHaveText('广州南方云呼叫中心有限公司');

  await page.getByRole('link', { name: '返回客户列表' }).click();
  const rows = page.getByTestId('customer-row');
  await expect(rows).toHaveCount(2);
  // Masked in the list, never whole.
  await expect(page.getByTestId('customer-list')).toContainText('4105**********1232');
  await expect(page.getByTestId('customer-list')).toContainText('1101**********002X');
  await expect(page.getByTestId('customer-list')).not.toContainText('410502199003071232');
  await page.screenshot({ path: `${SHOTS}/customers-list.png`, animations: 'disabled', fullPage: true });

  const search = page.getByTestId('customer-search');
  for (const [query, expected] of [
    ['星辰', GOOD.name],
    ['云呼叫', '广州南方云呼叫中心有限公司'],
    ['91110108MA01', '广州南方云呼叫中心有限公司'],
    ['138 0013', GOOD.name],
  ] as const) {
    await search.fill(query);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(expected);
  }
  // By hotline number: a number reserved for the customer in the pool (written straight to the
  // store here; the numbers area has its own tests) is found however it is typed.
  await page.evaluate(async (companyName) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('hotline-office');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const customers = await new Promise<{ id: string; name: string }[]>((resolve) => {
      const req = db.transaction('customers').objectStore('customers').getAll();
      req.onsuccess = () => resolve(req.result);
    });
    const customer = customers.find((c) => c.name === companyName)!;
    const now = new Date().toISOString();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('numbers', 'readwrite');
      tx.objectStore('numbers').put({
        digits: '4008123456', segment: '4008', carrier: 'telecom', status: 'reserved', grade: null, patterns: [], tail: '3456',
        priceFen: 0, customerId: customer.id, reservedUntil: new Date(Date.now() + 15 * 86_400_000).toISOString(),
        holderId: null, coolingUntil: null, version: 1, createdAt: now, updatedAt: now,
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }, GOOD.name);
  // Dexie's live queries do not see a raw IndexedDB write: start the page afresh.
  await page.reload();
  for (const query of ['400-812-3456', '4008123456', '400 812 3456']) {
    await search.fill(query);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(GOOD.name);
  }
  await rows.first().click();
  await expect(page.getByTestId('customer-holdings')).toContainText('400-812-3456 · 预占至');

  await page.getByRole('link', { name: '返回客户列表' }).click();
  await search.fill('没有这家公司');
  await expect(rows).toHaveCount(0);
  await expect(page.getByText('没有找到符合条件的客户。')).toBeVisible();
});

test('a wrong USCC check character passes only with a manager and a written reason', async ({ page }) => {
  await openNewForm(page);
  await fill(page, { ...GOOD, uscc: '91350100M000100Y44' });
  await page.getByTestId('customer-save').click();
  const dialog = page.getByTestId('uscc-override-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('只有经理可以放行');
  await expect(page.getByTestId('override-confirm')).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/customers-override-clerk.png`, animations: 'disabled' });
  expect(await countCustomers(page)).toBe(0);

  await page.getByRole('button', { name: '返回修改' }).click();
  await switchUser(page, 'manager');
  await page.getByTestId('customer-save').click();
  await expect(dialog).toBeVisible();
  await page.getByTestId('override-reason').fill('试点期老代码，已核对营业执照原件');
  await page.screenshot({ path: `${SHOTS}/customers-override-manager.png`, animations: 'disabled' });
  await page.getByTestId('override-confirm').click();
  await expect(page.getByTestId('customer-title')).toHaveText(GOOD.name);
  await expect(page.getByTestId('uscc-override-banner')).toContainText('试点期老代码，已核对营业执照原件');
  expect(await countCustomers(page)).toBe(1);

  // An edit is recorded in the history tab: who, old → new.
  await page.getByTestId('field-handlerMobile').fill('13912345678');
  await page.getByTestId('customer-save').click();
  await expect(page.getByText(`已保存“${GOOD.name}”的修改`)).toBeVisible();
  await page.getByTestId('tab-history').click();
  const history = page.getByTestId('history-row');
  await expect(history.first()).toContainText('经办人手机');
  await expect(history.first()).toContainText('13800138000');
  await expect(history.first()).toContainText('13912345678');
  await expect(page.getByTestId('customer-history')).toContainText('校验位放行');
  await page.screenshot({ path: `${SHOTS}/customers-history.png`, animations: 'disabled', fullPage: true });
});

test('attachments: only JPEG, PNG or PDF by content; stored with SHA-256 and previewed', async ({ page }) => {
  await openNewForm(page);
  await fill(page, GOOD);
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('customer-title')).toHaveText(GOOD.name);
  await page.getByTestId('tab-attachments').click();

  await page.getByTestId('upload-business_licence').setInputFiles({ name: 'licence.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ this is not a pdf') });
  await expect(page.getByText(/只接受 JPEG、PNG 或 PDF/)).toBeVisible();
  await expect(page.getByTestId('attachment-row')).toHaveCount(0);

  // A 40×40 red PNG.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAACgAAAAoCAIAAAADnC86AAAAL0lEQVR4nO3NMQ0AAAgDsEma/wtpmCDhadK/mfZFxGKxWCwWi8VisVgsFovF4jsLHFkIakOUmR8AAAAASUVORK5CYII=',
    'base64',
  );
  await page.getByTestId('upload-business_licence').setInputFiles({ name: '营业执照.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByTestId('attachment-row')).toHaveCount(1);
  const { createHash } = await import('node:crypto');
  await expect(page.getByTestId('attachment-sha256')).toHaveText(createHash('sha256').update(png).digest('hex'));
  await expect(page.getByTestId('attachment-preview').locator('img')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/customers-attachments.png`, animations: 'disabled', fullPage: true });

  // A PDF scan is previewed through an object URL too.
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
  await page.getByTestId('upload-other').setInputFiles({ name: '补充材料.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(page.getByTestId('attachment-row')).toHaveCount(2);
  await expect(page.getByTestId('attachment-preview').locator('object[type="application/pdf"]')).toHaveAttribute('data', /^blob:/);

  // 实名核验 needs the handler's ID scan too; with both on file the clerk marks it verified.
  await expect(page.getByTestId('real-name-status')).toHaveText('待核验');
  await page.getByTestId('verify-pass').click();
  await expect(page.getByText('实名核验：请先上传经办人身份证人像面的扫描件。')).toBeVisible();
  await page.getByTestId('upload-handler_id_front').setInputFiles({ name: '身份证.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByTestId('attachment-row')).toHaveCount(3);
  await page.getByTestId('verify-pass').click();
  await expect(page.getByTestId('real-name-status')).toHaveText('已实名核验');
  await page.getByRole('link', { name: '返回客户列表' }).click();
  await expect(page.getByTestId('customer-row').first()).toContainText('已核验');
  await page.screenshot({ path: `${SHOTS}/customers-list-verified.png`, animations: 'disabled' });
});

test('roles: user profiles are managed by an admin only (设置 → 用户与角色)', async ({ page }) => {
  await page.goto('/#/settings');
  const panel = page.getByTestId('users-panel');
  await expect(panel.getByTestId('user-row')).toHaveCount(4);
  await expect(panel).toContainText('只有管理员可以添加用户');
  await expect(panel.getByRole('button', { name: '添加用户' })).toHaveCount(0);

  await panel.getByTestId('current-user').locator('..').click();
  await page.getByTestId('user-option-admin').click();
  await panel.getByLabel('姓名').fill('赵外勤');
  await panel.getByRole('button', { name: '添加用户' }).click();
  await expect(panel.getByTestId('user-row')).toHaveCount(5);
  await expect(panel.getByTestId('user-row').last()).toContainText('赵外勤');
  await panel.screenshot({ path: `${SHOTS}/users-panel.png`, animations: 'disabled' });
});
