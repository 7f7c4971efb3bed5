// The call-record import screen (话单导入) against a real sync server (PGlite) on loopback: a
// manager signs in, the carrier 联通 already has a saved column mapping (headers no guess would
// match), so choosing 联通 and a CSV prefills the columns; the upload imports 3 calls, the same
// file again skips all 3, and a file with a bad start time is refused with the row and field named
// and nothing imported (the server's own list says so). In English the refused row shows the
// English field name beside the server's message; offline the screen says a connection is needed.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startSyncServer, type SyncServerHandle } from './support/server';
import { officeApi, seedHotlineAccount, signedInPage, type OfficeApi } from './support/syncClient';

const PASSWORD = 'import-otter-5';
const HOTLINE = '4008305566';
let srv: SyncServerHandle;
let manager: OfficeApi;
let officeId = '';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

const HEADER = ['话单ID', '计费号码', '主叫', '落地号码', '起呼时间', '秒数', '费用'];
const MAPPING = { columns: { carrierRecordId: '话单ID', hotline: '计费号码', caller: '主叫', forwardedTo: '落地号码', startAt: '起呼时间', durationSeconds: '秒数', feeFen: '费用' }, feeUnit: 'yuan' };
const csv = (rows: string[][]) => Buffer.from([HEADER, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8');
const GOOD = csv([
  ['LT-0001', HOTLINE, '13800138000', '037167891234', '2026-09-03 10:00:00', '61', '0.40'],
  ['LT-0002', HOTLINE, '13900139000', '037167891234', '2026-09-04 11:30:00', '30', '0.20'],
  ['LT-0003', HOTLINE, '13700137000', '037167891234', '2026-09-05 09:15:00', '125', '0.60'],
]);
// line 3 (the second data row) has a day September does not have
const BAD = csv([
  ['LT-0004', HOTLINE, '13800138000', '037167891234', '2026-09-06 10:00:00', '61', '0.40'],
  ['LT-0005', HOTLINE, '13800138000', '037167891234', '2026-09-31 10:00:00', '30', '0.20'],
]);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  srv = await startSyncServer({ offices: [{ name: '洛阳营业厅', prefix: 'LY' }], users: [{ office: 'LY', username: 'ly-boss', password: PASSWORD, role: 'manager', displayName: '吴经理' }] });
  officeId = srv.offices.LY!;
  manager = await officeApi(srv.url, officeId, 'ly-boss', PASSWORD);
  // an account holding the number, so its calls can be rated
  await seedHotlineAccount(manager, {
    hotline: HOTLINE,
    packageData: { name: '标准套餐', monthlyMinimumFen: 10_000, tariffFenPerMinute: 20, includedMinutes: 100, termMonths: 12, featureFees: [] },
    customerName: '洛阳牡丹商贸有限公司',
    account: { no: 'LY-0001', features: [], status: 'active', stateSince: '2026-09-01', openedOn: '2026-09-01', monthlyMinimumFen: 10_000 },
  });
  await manager.api('PUT', `/v1/offices/${officeId}/billing/carriers/${encodeURIComponent('联通')}/mapping`, MAPPING);
});

test.afterAll(async () => {
  await srv?.dispose();
});

async function choose(page: Page, name: string, buffer: Buffer) {
  await page.getByTestId('call-import-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await expect(page.getByTestId('call-import-preview')).toBeVisible();
}

test('a carrier file is imported with its saved mapping, re-imported as all skipped, and a bad row refuses the file naming it', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await signedInPage(context, srv.url, 'ly-boss', PASSWORD, { viewport: { width: 1280, height: 1150 } });
  await page.goto('/#/billing/imports');
  await expect(page.getByTestId('call-import')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('call-import-history')).toHaveCount(0);

  // the carrier field offers the carriers with a saved mapping (GET …/billing/carriers)
  await page.getByTestId('call-import-carrier').click();
  await page.getByRole('option', { name: '联通' }).click();
  await expect(page.getByTestId('call-import-carrier')).toHaveValue('联通');

  // carrier + file: the preview shows the header and rows; the saved mapping fills the columns
  await choose(page, '联通话单-2026-09.csv', GOOD);
  await expect(page.getByTestId('call-import-preview')).toContainText('起呼时间');
  await expect(page.getByTestId('call-import-preview')).toContainText('LT-0003');
  await expect(page.getByTestId('call-import-saved')).toContainText('已按 联通 保存的列映射预填');
  await expect(page.getByTestId('call-map-durationSeconds')).toContainText('秒数');
  await expect(page.getByTestId('call-import-missing')).toHaveCount(0);
  await expect(page.getByTestId('call-import-preview-problems')).toHaveCount(0);
  mkdirSync('test-results/screens', { recursive: true });
  await page.screenshot({ path: 'test-results/screens/billing-import-mapping.png', animations: 'disabled' });
  await page.getByTestId('call-import-run').click();
  await expect(page.getByTestId('call-import-imported')).toHaveText('导入 3 条话单', { timeout: 60_000 });
  await expect(page.getByTestId('call-import-skipped')).toHaveText('0 条已导入过，已跳过');
  await expect(page.getByTestId('call-import-history-row')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/billing-import-done.png', animations: 'disabled' });

  // the same file again: every call already there, skipped and counted
  await choose(page, '联通话单-2026-09.csv', GOOD);
  await expect(page.getByTestId('call-import-result')).toHaveCount(0);
  await page.getByTestId('call-import-run').click();
  await expect(page.getByTestId('call-import-imported')).toHaveText('导入 0 条话单', { timeout: 60_000 });
  await expect(page.getByTestId('call-import-skipped')).toHaveText('3 条已导入过，已跳过');
  await expect(page.getByTestId('call-import-history-row')).toHaveCount(2);

  // a bad row: the file is refused, line 3 and its field named, nothing imported
  await choose(page, '联通话单-补.csv', BAD);
  // the preview already shows the row the server will refuse (checked on the device by the same rules)
  await expect(page.getByTestId('call-import-preview-problems')).toContainText('第 3 行 · 开始时间');
  await page.getByTestId('call-import-run').click();
  const rows = page.getByTestId('call-import-error-row');
  await expect(rows).toHaveCount(1, { timeout: 60_000 });
  await expect(rows.first()).toContainText('第 3 行');
  await expect(rows.first()).toContainText('开始时间');
  await expect(rows.first()).toContainText('“2026-09-31 10:00:00”不是有效的时间');
  await expect(page.getByTestId('call-import-error')).toContainText('文件有 1 处错误，未导入任何话单。');
  await page.screenshot({ path: 'test-results/screens/billing-import-refused.png', animations: 'disabled' });
  const listed = (await manager.api('GET', `/v1/offices/${officeId}/billing/imports`)).imports as { imported: number }[];
  expect(listed.map((i) => i.imported)).toEqual([0, 3]);
  await expect(page.getByTestId('call-import-history-row')).toHaveCount(2);

  // cancel: the upload held on its way (the route waits) is cancelled from the screen, nothing imported
  let release = () => undefined as void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/billing/imports/file?**', async (route) => {
    await held;
    await route.abort().catch(() => undefined);
  });
  await choose(page, '联通话单-新.csv', csv([['LT-0009', HOTLINE, '13800138000', '037167891234', '2026-09-07 10:00:00', '5', '0.20']]));
  await page.getByTestId('call-import-run').click();
  await expect(page.getByTestId('call-import-progress')).toBeVisible();
  await page.getByTestId('call-import-cancel').click();
  await expect(page.getByTestId('call-import-error')).toHaveText('已取消上传，未导入任何话单。');
  await expect(page.getByTestId('call-import-progress')).toHaveCount(0);
  release();
  await page.unroute('**/billing/imports/file?**');
  expect((await manager.api('GET', `/v1/offices/${officeId}/billing/imports`)).imports).toHaveLength(2);
  await choose(page, '联通话单-补.csv', BAD);
  await page.getByTestId('call-import-run').click();
  await expect(rows).toHaveCount(1, { timeout: 60_000 });

  // in English: the row and the English field name beside the server's (zh-CN) message
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(rows.first()).toContainText('Row 3');
  await expect(rows.first()).toContainText('Start time');
  await expect(page.getByTestId('call-import-error')).toContainText('The file was not imported (errors: 1). Nothing was saved');
  await page.screenshot({ path: 'test-results/screens/billing-import-refused-en.png', animations: 'disabled' });

  // offline: the screen says the import needs the server and does not offer the upload
  await context.setOffline(true);
  await expect(page.getByTestId('call-import-offline')).toBeVisible();
  await expect(page.getByTestId('call-import-run')).toBeDisabled();
  await context.setOffline(false);
  await context.close();
});
