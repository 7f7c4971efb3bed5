import { test, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';

// The manager's dashboard on a demo office: figures, charts (MUI X) and tables; a table exported
// to .xlsx downloads a file that exceljs opens with the table's header and rows.

const SHOTS = process.env.SCREENSHOTS_DIR ?? 'test-results/screens';

async function loadDemo(page: Page) {
  await page.goto('/#/applications');
  await page.getByTestId('demo-load').click();
  await expect(page.getByTestId('snackbar')).toContainText('演示营业厅已载入', { timeout: 60_000 });
}

test('dashboard renders charts and tables and exports a table to XLSX', async ({ page }) => {
  test.setTimeout(120_000);
  await loadDemo(page);
  // one payment this month, so the revenue chart has a bar
  await page.goto('/#/billing');
  await page.getByTestId('billing-account-row').first().click();
  await page.getByTestId('pay-button').click();
  await page.getByTestId('payment-amount').fill('3600');
  await page.getByTestId('payment-reference').fill('BT-D1');
  await page.getByTestId('payment-save').click();
  await expect(page.getByTestId('receipt-amount').first()).toHaveText('¥3,600.00');
  await page.goto('/#/dashboard');
  // a clerk is told it is for managers
  await expect(page.getByText('无权查看报表')).toBeVisible();
  await page.getByTestId('current-user').first().locator('..').click();
  await page.getByTestId('user-option-manager').click();
  await expect(page.getByTestId('kpi-active-numbers')).toHaveText(/^[1-9]\d*$/);
  for (const id of ['revenue', 'ageing', 'grades']) {
    await expect(page.getByTestId(`dash-${id}`).locator('svg .MuiBarElement-root, svg path[class*="MuiBarElement"], svg rect').first()).toBeAttached();
  }
  await expect(page.getByTestId('dash-grades').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('dash-revenue').locator('tbody tr').last()).toContainText('3,600.00');
  await page.getByTestId('snackbar').getByRole('button').click();
  await expect(page.getByTestId('snackbar')).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/dashboard.png`, animations: 'disabled', fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-grades').click()]);
  expect(download.suggestedFilename()).toMatch(/^grades-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const bytes = await readFile(await download.path());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.name).toBe('号码等级与状态');
  expect(ws.getRow(1).values).toEqual([undefined, '等级', '可售', '预占', '在用', '暂停', '冻结', '已收回', '冷冻期', '合计']);
  const onScreen = await page.getByTestId('dash-grades').locator('tbody tr').count();
  expect(ws.rowCount).toBe(onScreen + 1);
  // the totals column of the file equals the on-screen table
  const screenTotal = await page.getByTestId('dash-grades').locator('tbody tr').first().locator('td').last().innerText();
  expect(String(ws.getRow(2).getCell(9).value)).toBe(screenTotal);

  const [revenue] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-revenue').click()]);
  const rb = new ExcelJS.Workbook();
  const rbytes = await readFile(await revenue.path());
  await rb.xlsx.load(rbytes.buffer.slice(rbytes.byteOffset, rbytes.byteOffset + rbytes.byteLength) as ArrayBuffer);
  expect(rb.worksheets[0]!.rowCount).toBe(13);
});
