import { test, expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { buildContentSecurityPolicy, withContentSecurityPolicy } from '../electron/csp';
import type {} from '../renderer/src/data/clock';

// 号码池 end to end, on the built renderer with its real IndexedDB: a numbers file with bad rows
// imports nothing and lists every bad row with its reason; the fixed file imports; a buyer's
// filters find a vanity number; it is reserved for a customer and, when the injected clock is
// moved past the hold, it releases itself and its history says so.

const SHOTS = 'test-results/screens';

const BAD_CSV = [
  '序号,号码,备注',
  '1,400-888-8888,四连号',
  '2,4003001234,号段不存在',
  '3,400 888 8888,与第 2 行重复',
  '4,40081234,位数不够',
  '5,4001234567,顺子',
].join('\n');

// The same file with the bad rows corrected, plus ordinary numbers for the picker to skip.
const GOOD_CSV = [
  '序号,号码,备注',
  '1,400-888-8888,四连号',
  '2,4006001234,改正的号段',
  '3,4009998888,',
  '4,4008123455,',
  '5,4001234567,顺子',
  '6,4008556677,',
  '7,4008348888,',
].join('\n');

async function numberCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('hotline-office');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('numbers').objectStore('numbers').count();
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

async function importCsv(page: Page, name: string, csv: string) {
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  // the mapping step guessed the 号码 column from the header
  await expect(page.getByTestId('map-number')).toContainText('号码');
  await page.getByTestId('import-run').click();
}

async function selectOption(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).getByRole('combobox').click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test.beforeEach(async ({ page }) => {
  // Installs window.__hotlineTestClock (the data layer's injectable clock) in the production build.
  await page.addInitScript(() => {
    (window as unknown as { __HOTLINE_TEST_HOOKS__: boolean }).__HOTLINE_TEST_HOOKS__ = true;
  });
});

test('a file with bad rows imports nothing and names each row; the fixed file imports', async ({ page }) => {
  await page.goto('/#/numbers');
  await expect(page.getByRole('heading', { level: 1, name: '号码' })).toBeVisible();
  await switchUser(page, 'manager');

  await importCsv(page, 'numbers-bad.csv', BAD_CSV);
  const errors = page.getByTestId('import-error-row');
  await expect(errors).toHaveCount(3);
  await expect(errors.nth(0)).toContainText('第 3 行');
  await expect(errors.nth(0)).toContainText('号段 4003 不是可用的 400 号段');
  await expect(errors.nth(1)).toContainText('第 4 行');
  await expect(errors.nth(1)).toContainText('与第 2 行重复');
  await expect(errors.nth(2)).toContainText('第 5 行');
  await expect(errors.nth(2)).toContainText('应为 10 位数字');
  await expect(page.getByTestId('import-error')).toContainText('整个文件都没有导入');
  await page.screenshot({ path: `${SHOTS}/numbers-import-errors.png`, animations: 'disabled' });
  // all or nothing: not even the good rows 2 and 6 were stored
  expect(await numberCount(page)).toBe(0);

  // A second try with the corrected file replaces the first in the same dialog.
  await page.getByTestId('import-file').setInputFiles({ name: 'numbers-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV, 'utf8') });
  await page.getByTestId('import-run').click();
  await expect(page.getByText('已导入 7 个号码')).toBeVisible();
  expect(await numberCount(page)).toBe(7);
  const grid = page.getByTestId('pool-grid');
  await expect(grid.getByRole('row')).toHaveCount(8); // header + 7
  await expect(grid).toContainText('400-888-8888');
  await expect(grid).toContainText('四连号');
  await expect(grid).toContainText('¥8,000.00');
  await page.screenshot({ path: `${SHOTS}/numbers-pool.png`, animations: 'disabled' });

  // Importing the same file again is refused row by row: every number is already in the pool.
  await importCsv(page, 'numbers-fixed.csv', GOOD_CSV);
  await expect(page.getByTestId('import-error-row')).toHaveCount(7);
  await expect(page.getByTestId('import-error-row').first()).toContainText('已在号码池中');
});

async function xlsxWithTitleLine(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('号码');
  ws.addRow(['电信 400 号码分配清单']);
  ws.addRow(['备注', '400号码']);
  ws.addRow(['', 4008001234]);
  ws.addRow(['顺子', '400-123-4567']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// Under the desktop shell's Content-Security-Policy (no eval, no inline script), as in Electron:
// ExcelJS is loaded on demand and must work without eval.
test('an XLSX file imports under the desktop CSP (numbers typed as numbers, a title line above the header)', async ({ page }) => {
  const policy = buildContentSecurityPolicy({ syncServerUrl: 'http://127.0.0.1:8787' });
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = Object.fromEntries(
      Object.entries(withContentSecurityPolicy(response.headers(), policy)).map(([name, values]) => [name, values.join(', ')]),
    );
    await route.fulfill({ response, headers });
  });
  const buffer = await xlsxWithTitleLine();
  const response = await page.goto('/#/numbers');
  expect(response?.headers()['content-security-policy']).toBe(policy);
  await switchUser(page, 'manager');
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'numbers.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  // the title line is skipped, the header found on row 2 and the 号码 column guessed from it
  await expect(page.getByTestId('map-number')).toContainText('400号码');
  await page.getByTestId('import-run').click();
  await expect(page.getByText('已导入 2 个号码')).toBeVisible();
  const grid = page.getByTestId('pool-grid');
  await expect(grid).toContainText('400-800-1234');
  await expect(grid).toContainText('400-123-4567');
  expect(await numberCount(page)).toBe(2);
});

test('a clerk may not import numbers: the repository refuses, whatever the UI shows', async ({ page }) => {
  await page.goto('/#/numbers');
  await switchUser(page, 'clerk');
  await importCsv(page, 'numbers.csv', GOOD_CSV);
  await expect(page.getByTestId('import-error')).toContainText('无权导入号码');
  expect(await numberCount(page)).toBe(0);
});

test('pick a vanity number with filters, reserve it, and watch the hold expire on the injected clock', async ({ page }) => {
  // A customer to reserve for.
  await page.goto('/#/customers/new');
  const customer = {
    name: '郑州星辰通信科技有限公司',
    uscc: '91350100M000100Y43',
    legalRepresentative: '王建国',
    address: '河南省郑州市金水区花园路 1 号',
    handlerName: '李娜',
    handlerIdNumber: '410502199003071232',
    handlerMobile: '13800138000',
    landline: '0371-65123456',
  };
  for (const [field, value] of Object.entries(customer)) await page.getByTestId(`field-${field}`).fill(value);
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('customer-title')).toHaveText(customer.name);

  await page.goto('/#/numbers');
  await switchUser(page, 'manager');
  await importCsv(page, 'numbers.csv', GOOD_CSV);
  await expect(page.getByText('已导入 7 个号码')).toBeVisible();
  await switchUser(page, 'clerk');

  // 选号: telecom 4008, tail 8888, without 4 → of the three numbers ending 8888 only one is left.
  await page.getByTestId('tab-pick').click();
  const picker = page.getByTestId('picker-grid');
  await expect(picker.getByRole('row')).toHaveCount(8);
  await selectOption(page, 'filter-segment', '4008（电信）');
  await page.getByTestId('filter-tail').fill('8888');
  await expect(picker.getByRole('row')).toHaveCount(3); // 400-888-8888 and 400-834-8888
  await page.getByTestId('filter-without4').check();
  await selectOption(page, 'filter-pattern', '尾号四连 AAAA');
  await expect(picker.getByRole('row')).toHaveCount(2);
  await expect(picker).toContainText('400-888-8888');
  await expect(picker).not.toContainText('400-834-8888');
  await page.screenshot({ path: `${SHOTS}/numbers-picker.png`, animations: 'disabled' });

  // Reserve it for the customer, for the default 15 days.
  await page.getByTestId('reserve-4008888888').click();
  await page.getByTestId('reserve-customer').locator('input').fill('星辰');
  await page.getByRole('option', { name: /郑州星辰通信科技有限公司/ }).click();
  await expect(page.getByText('不填则按设置预占 15 天')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/numbers-reserve.png`, animations: 'disabled' });
  await page.getByTestId('reserve-run').click();
  await expect(page.getByText('已为“郑州星辰通信科技有限公司”预占 400-888-8888')).toBeVisible();
  // the picker shows available numbers only
  await expect(picker.getByRole('row')).toHaveCount(1);

  // In the pool it is reserved.
  await page.getByTestId('tab-pool').click();
  await page.getByTestId('pool-search').fill('8888888');
  const pool = page.getByTestId('pool-grid');
  await expect(pool.getByRole('row')).toHaveCount(2);
  await expect(pool.getByTestId('status-reserved')).toBeVisible();

  // 14 days later it is still held; past 15 days it releases itself (the sweeper follows the clock).
  await page.evaluate(() => window.__hotlineTestClock!.advanceDays(14));
  await page.waitForTimeout(300);
  await expect(pool.getByTestId('status-reserved')).toBeVisible();
  await page.evaluate(() => window.__hotlineTestClock!.advanceDays(1.01));
  await expect(pool.getByTestId('status-available')).toBeVisible();

  await page.getByTestId('history-4008888888').click();
  const history = page.getByTestId('history-row');
  await expect(history).toHaveCount(3);
  await expect(history.nth(0)).toContainText('系统');
  await expect(history.nth(0)).toContainText('预占 → 可选');
  await expect(history.nth(0)).toContainText('预占到期，自动释放');
  await expect(history.nth(1)).toContainText('可选 → 预占');
  await expect(history.nth(1)).toContainText('为“郑州星辰通信科技有限公司”预占 15 天');
  await expect(history.nth(2)).toContainText('导入文件 numbers.csv');
  await page.screenshot({ path: `${SHOTS}/numbers-history.png`, animations: 'disabled' });
});

test('packages: a manager creates a package in yuan, stored to the fen; a clerk cannot', async ({ page }) => {
  await page.goto('/#/packages');
  await expect(page.getByRole('heading', { level: 1, name: '套餐资费' })).toBeVisible();
  await switchUser(page, 'clerk');
  await expect(page.getByTestId('pkg-new')).toBeDisabled();
  await switchUser(page, 'manager');
  await page.getByTestId('pkg-new').click();
  await page.getByTestId('pkg-name').fill('标准套餐 3000');
  await page.getByTestId('pkg-prepayment').fill('3000');
  await page.getByTestId('pkg-monthlyMinimum').fill('100');
  await page.getByTestId('pkg-tariff').fill('0.125');
  await page.getByTestId('pkg-includedMinutes').fill('1000');
  await page.getByLabel('彩铃').check();
  await page.getByTestId('pkg-save').click();
  await expect(page.getByText('每分钟资费最多保留两位小数（到分）').or(page.getByText('资费最多保留两位小数（到分）'))).toBeVisible();
  await page.getByTestId('pkg-tariff').fill('0.25');
  await page.getByTestId('pkg-save').click();
  const row = page.getByTestId('package-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('¥3,000.00');
  await expect(row).toContainText('¥0.25/分钟');
  await expect(row).toContainText('彩铃 ¥0.00');
  await page.screenshot({ path: `${SHOTS}/packages-list.png`, animations: 'disabled' });

  await page.getByTestId('tab-grades').click();
  await expect(page.getByTestId('grade-row')).toHaveCount(7);
  await page.screenshot({ path: `${SHOTS}/packages-grades.png`, animations: 'disabled' });
});
