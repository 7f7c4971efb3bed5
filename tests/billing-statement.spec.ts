// A customer's statement (月度账单) and the office summary on a device, offline, against a real
// sync server (PGlite) on loopback: the server bills September, the manager's device syncs, goes
// offline and opens the statement from the account's ledger page in the contracts' style (the
// shared HTML renderer in the preview), with 下载 Word / 打印 / 导出 PDF. The Word file the device
// makes carries exactly the words of the server's statement.docx: one shared function builds both.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from '@playwright/test';
import { startSyncServer, type SyncServerHandle } from './support/server';
import { officeApi, seedHotlineAccount, signedInPage, type OfficeApi } from './support/syncClient';

const PASSWORD = 'statement-horse-7';
const HOTLINE = '4008207788';
let srv: SyncServerHandle;
let manager: OfficeApi;
let officeId = '';
const accountId = randomUUID();
let billId = '';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

const docxWords = (bytes: Uint8Array) => [...strFromU8(unzipSync(bytes)['word/document.xml']!).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replace(/\s+/g, '');

test.beforeAll(async () => {
  test.setTimeout(180_000);
  srv = await startSyncServer({ offices: [{ name: '郑州营业厅', prefix: 'ZZ' }], users: [{ office: 'ZZ', username: 'zz-boss', password: PASSWORD, role: 'manager', displayName: '周经理' }] });
  officeId = srv.offices.ZZ!;
  manager = await officeApi(srv.url, officeId, 'zz-boss', PASSWORD);
  // The office's data as devices create it, then the server's September run.
  await seedHotlineAccount(manager, {
    hotline: HOTLINE,
    packageData: { name: '标准套餐', monthlyMinimumFen: 10_000, tariffFenPerMinute: 20, includedMinutes: 100, termMonths: 12, featureFees: [{ name: '彩铃', monthlyFen: 500 }] },
    customerName: '河南豫信商贸有限公司',
    accountId,
    account: { no: 'ZZ-0007', features: ['彩铃'], status: 'active', stateSince: '2026-09-01', openedOn: '2026-09-01', monthlyMinimumFen: 10_000 },
  });
  const billing = `/v1/offices/${officeId}/billing`;
  await manager.api('POST', `${billing}/payments`, { id: randomUUID(), accountId, amountFen: 3_000, method: 'cash', receivedOn: '2026-09-02' });
  await manager.api('POST', `${billing}/runs`, { month: '2026-09', today: '2026-10-01' });
  billId = (await manager.api('GET', `${billing}/bills?month=2026-09`)).bills[0].id;
});

test.afterAll(async () => {
  await srv?.dispose();
});

test('a statement opens offline in the contracts’ style; its Word file says what the server’s says; the manager sees the office summary', async ({ browser }) => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await signedInPage(context, srv.url, 'zz-boss', PASSWORD);
  await page.goto(`/#/billing/account/${accountId}`);
  await expect(page.getByTestId('statement-bill-2026-09')).toBeVisible({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');

  await context.setOffline(true);
  await page.getByTestId('statement-open-2026-09').click();
  const dialog = page.getByTestId('statement-dialog');
  const preview = dialog.getByTestId('contract-preview');
  await expect(preview).toBeVisible();
  const body = page.frameLocator('[data-testid="statement-dialog"] iframe').locator('body');
  await expect(body).toContainText('400 业务月度账单');
  await expect(body).toContainText('河南豫信商贸有限公司');
  await expect(body).toContainText('400-820-7788');
  await expect(body).toContainText('本期费用合计');
  // 30.00 prepaid − (100.00 minimum + 5.00 彩铃) = −75.00
  await expect(body).toContainText('人民币（大写）柒拾伍元整（¥75.00），请于 2026-10-15 前缴清。');
  await page.screenshot({ path: 'test-results/screens/billing-statement.png', animations: 'disabled' });
  // the same document waits in the print root for 打印 / 导出 PDF
  await expect(page.locator('#print-root')).toContainText('柒拾伍元整');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#print-root')).toBeVisible();
  await expect(dialog).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  // in a browser 导出 PDF is the print dialog's “Save as PDF”: the app says so
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await dialog.getByTestId('statement-pdf').click();
  await expect(page.getByTestId('snackbar')).toContainText('另存为 PDF');

  const download = page.waitForEvent('download');
  await dialog.getByTestId('statement-word').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('月度账单-202609-ZZ-0007.docx');
  const deviceWords = docxWords(new Uint8Array(readFileSync((await file.path())!)));
  await dialog.getByTestId('statement-close').click();

  // the office summary of the month (a manager)
  await page.getByTestId('preview-month').fill('2026-09');
  await page.getByTestId('statement-summary').click();
  const summary = page.frameLocator('[data-testid="statement-dialog"] iframe').locator('body');
  await expect(summary).toContainText('2026-09 月度出账汇总');
  await expect(summary).toContainText('出账账户 1 户，本期费用合计 105.00 元');
  await expect(summary).toContainText('河南豫信商贸有限公司');
  await page.screenshot({ path: 'test-results/screens/billing-summary.png', animations: 'disabled' });
  await context.setOffline(false);

  // the server's statement.docx (no call records were imported, so there is no call list on either)
  const res = await fetch(`${srv.url}/v1/offices/${officeId}/billing/bills/${billId}/statement.docx`, { headers: { authorization: `Bearer ${manager.token}` } });
  expect(res.status).toBe(200);
  expect(deviceWords).toBe(docxWords(new Uint8Array(await res.arrayBuffer())));
  await context.close();
});
