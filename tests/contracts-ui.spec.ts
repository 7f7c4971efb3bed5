import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test, expect, type Download, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { buildContentSecurityPolicy, withContentSecurityPolicy } from '../electron/csp';

// Contracts end to end on the built renderer: a manager opens an approved 受理单, previews its
// contract, saves the Word file (the download unzips and carries the same words as the preview),
// prints and prints to PDF (page.pdf() of the print view holds only the contract); a batch of 3
// gives one zip of 3 .docx; the register lists them, signs one with a scanned copy and voids one
// with a reason; a long batch is cancelled and saves nothing.
//
// Approved 受理单 come from the seeding hook the contracts area installs when the test asks for
// hooks before the app starts (renderer/src/data/contractsTestSeed.ts).

const SHOTS = 'test-results/screens';
const OUT = 'test-results/contracts-ui';
mkdirSync(SHOTS, { recursive: true });
mkdirSync(OUT, { recursive: true });

interface Seeded {
  applicationId: string;
  applicationNo: string;
  customerName: string;
  numberDigits: string;
}

declare global {
  interface Window {
    __HOTLINE_TEST_HOOKS__?: boolean;
    __hotlineContractsSeed?: (count: number) => Promise<Seeded[]>;
    __printCalls?: number;
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__HOTLINE_TEST_HOOKS__ = true;
    // window.print() opens no dialog in a headless browser; count the calls instead.
    window.__printCalls = 0;
    window.print = () => {
      window.__printCalls = (window.__printCalls ?? 0) + 1;
    };
  });
});

async function seed(page: Page, count: number): Promise<Seeded[]> {
  await page.goto('/#/contracts');
  await page.waitForFunction(() => typeof window.__hotlineContractsSeed === 'function');
  return page.evaluate((n) => window.__hotlineContractsSeed!(n), count);
}

async function actAsManager(page: Page) {
  await page.getByTestId('current-user').first().locator('..').click();
  await page.getByTestId('user-option-manager').click();
  await expect(page.getByTestId('current-user').first()).toHaveValue(/.+/);
}

/** Screenshots show the page, not a passing notice. */
async function dismissSnackbar(page: Page) {
  const bar = page.getByTestId('snackbar');
  if (await bar.isVisible()) {
    await bar.getByRole('button').click();
    await expect(bar).toBeHidden();
  }
}

async function saved(download: Download, name: string): Promise<Uint8Array> {
  const path = `${OUT}/${name}`;
  await download.saveAs(path);
  return new Uint8Array(readFileSync(path));
}

const squash = (s: string) => s.replace(/\s+/g, '');
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
/** The words of a .docx body: every w:t of word/document.xml, in order. */
function docxWords(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return squash(text.replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]!));
}

test('a manager previews an approved application’s contract, saves Word, prints and prints to PDF', async ({ page }) => {
  const [first] = await seed(page, 2);
  await actAsManager(page);
  await page.getByTestId('tab-applications').click();
  const row = page.getByTestId('contractable-row').filter({ hasText: first!.customerName });
  await row.getByTestId('contractable-make').click();

  // The preview: the shared HTML model in a sandboxed frame.
  await expect(page.getByTestId('contract-number')).toHaveText(/^ZZQF-2026-P[0-9A-Z]{8}-0001$/);
  const number = (await page.getByTestId('contract-number').textContent())!;
  await expect(page.getByTestId('contract-status')).toHaveText('草稿');
  const preview = page.frameLocator('[data-testid="contract-preview"]');
  await expect(preview.locator('.contract')).toContainText(first!.customerName);
  await expect(preview.locator('.contract')).toContainText('陆仟零柒元壹角肆分');
  await expect(preview.locator('.contract')).toContainText(number);
  await dismissSnackbar(page);
  await page.screenshot({ path: `${SHOTS}/contracts-preview.png`, animations: 'disabled' });

  // 保存 Word: a browser download that unzips, names the customer and has the preview's words.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('contract-word').click()]);
  expect(download.suggestedFilename()).toBe(`${number} ${first!.customerName} 400用户入网服务协议.docx`);
  const docx = await saved(download, 'contract.docx');
  const words = docxWords(docx);
  expect(words).toContain(first!.customerName);
  expect(words).toContain(number);
  const previewWords = squash(await preview.locator('.contract').evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelector('.page-head')?.remove(); // the page header is in header1.xml, not the body
    return copy.textContent ?? '';
  }));
  expect(previewWords.length).toBeGreaterThan(2000);
  expect(previewWords).toBe(words);

  // Leaving the app froze the contract: printed, with its number for good.
  await expect(page.getByTestId('contract-status')).toHaveText('已打印');
  await expect(page.getByTestId('contract-frozen')).toContainText('第 1 版');

  // 打印 and 打印为 PDF go through the platform (window.print in a browser).
  await page.getByTestId('contract-print').click();
  await expect.poll(() => page.evaluate(() => window.__printCalls)).toBe(1);
  await page.getByTestId('contract-pdf').click();
  await expect.poll(() => page.evaluate(() => window.__printCalls)).toBe(2);
  await expect(page.getByText('另存为 PDF')).toBeVisible();
  await expect(page.getByTestId('contract-frozen')).toContainText('已出具 3 次');

  // What the printer gets: the print view only, A4, with the page header and counter.
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(`${OUT}/contract.pdf`, pdf);
  const text = squash(execFileSync('pdftotext', ['-layout', `${OUT}/contract.pdf`, '-']).toString());
  expect(text).toContain(first!.customerName);
  expect(text).toContain('陆仟零柒元壹角肆分');
  expect(text).toContain('第1页共');
  expect(text).not.toContain('待出合同的受理单'); // none of the app's own UI
  const info = execFileSync('pdfinfo', [`${OUT}/contract.pdf`]).toString();
  expect(info).toMatch(/Page size:.*\(A4\)/);
  expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(3);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', `${OUT}/contract.pdf`, `${SHOTS}/contracts-print`]);
});

test('a batch of 3 gives one zip of 3 .docx; the register lists them, records a signature and voids one with a reason', async ({ page }) => {
  const apps = await seed(page, 3);
  await actAsManager(page);
  await page.getByTestId('tab-applications').click();
  await expect(page.getByTestId('contractable-row')).toHaveCount(3);
  for (const box of await page.getByTestId('contractable-select').all()) await box.locator('input').check();
  await expect(page.getByTestId('batch-selected')).toHaveText('已选 3 份');
  await dismissSnackbar(page);
  await page.screenshot({ path: `${SHOTS}/contracts-applications.png`, animations: 'disabled' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('batch-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^合同 \d{4}-\d{2}-\d{2}（3 份）\.zip$/);
  const files = unzipSync(await saved(download, 'batch.zip'));
  const names = Object.keys(files);
  expect(names).toHaveLength(3);
  for (const a of apps) {
    const name = names.find((n) => n.includes(a.customerName));
    expect(name, a.customerName).toBeTruthy();
    expect(docxWords(files[name!]!)).toContain(a.customerName);
  }
  await expect(page.getByTestId('batch-done')).toContainText('已导出 3 份合同');
  await page.getByTestId('batch-close').click();

  // The register: three printed contracts, searchable.
  await page.getByTestId('tab-register').click();
  const rows = page.getByTestId('contract-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.getByTestId('contract-status')).toHaveText(['已打印', '已打印', '已打印']);
  await page.getByTestId('contract-search').fill(apps[1]!.customerName.slice(2, 6));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(apps[1]!.customerName);
  await page.getByTestId('contract-search').fill('');
  await expect(rows).toHaveCount(3);

  // Record a signature with a scanned copy.
  const signRow = rows.filter({ hasText: apps[0]!.customerName });
  await signRow.getByTestId('contract-sign').click();
  await page.getByTestId('sign-signer').fill('李建国');
  await page.getByTestId('sign-file').setInputFiles({ name: '签署件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await page.getByTestId('sign-submit').click();
  await expect(signRow.getByTestId('contract-status')).toHaveText('已签署');
  await expect(signRow).toContainText('李建国');

  // Void one: the reason is required.
  const voidRow = rows.filter({ hasText: apps[2]!.customerName });
  await voidRow.getByTestId('contract-void').click();
  await page.getByTestId('void-submit').click();
  await expect(page.getByText('作废原因：请填写作废原因。')).toBeVisible();
  await page.getByTestId('void-reason').fill('客户改用 4008 接入合同');
  await page.getByTestId('void-submit').click();
  await expect(voidRow.getByTestId('contract-status')).toHaveText('已作废');
  await expect(voidRow.getByTestId('contract-void-reason')).toHaveText('客户改用 4008 接入合同');
  await dismissSnackbar(page);
  await page.screenshot({ path: `${SHOTS}/contracts-register.png`, animations: 'disabled', fullPage: true });

  // A void contract opens but cannot be printed again.
  await voidRow.getByTestId('contract-open').click();
  await expect(page.getByTestId('contract-print')).toBeDisabled();
  await expect(page.getByTestId('contract-word')).toBeDisabled();
});

test('cancelling a long batch stops it: nothing is saved and no contract is finalised', async ({ page }) => {
  await seed(page, 60);
  await actAsManager(page);
  await page.getByTestId('tab-applications').click();
  await expect(page.getByTestId('contractable-row')).toHaveCount(60);
  await page.getByRole('checkbox', { name: '全选' }).check();
  let downloads = 0;
  page.on('download', () => void (downloads += 1));
  await page.getByTestId('batch-export').click();
  await expect(page.getByTestId('batch-progress')).toBeVisible();
  await page.getByTestId('batch-cancel').click();
  await expect(page.getByTestId('batch-cancelled')).toBeVisible();
  await page.getByTestId('batch-close').click();
  await page.getByTestId('tab-register').click();
  const statuses = await page.getByTestId('contract-row').getByTestId('contract-status').allTextContents();
  expect(statuses.length).toBeLessThan(60);
  expect(statuses.every((s) => s === '草稿')).toBe(true);
  expect(downloads).toBe(0);
});

test('the preview and the print view work under the desktop Content-Security-Policy', async ({ page }) => {
  const policy = buildContentSecurityPolicy({ syncServerUrl: 'http://127.0.0.1:8787' });
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = Object.fromEntries(Object.entries(withContentSecurityPolicy(response.headers(), policy)).map(([n, v]) => [n, v.join(', ')]));
    await route.fulfill({ response, headers });
  });
  const [first] = await seed(page, 1);
  await actAsManager(page);
  await page.getByTestId('tab-applications').click();
  await page.getByTestId('contractable-make').click();
  const preview = page.frameLocator('[data-testid="contract-preview"]');
  await expect(preview.locator('.contract')).toContainText(first!.customerName);
  // the contract's own stylesheet applies inside the frame (黑体 headings)
  expect(await preview.locator('h1').first().evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/^SimHei/);
  const text = squash(execFileSync('pdftotext', ['-', '-'], { input: await page.pdf({ preferCSSPageSize: true }) }).toString());
  expect(text).toContain(first!.customerName);
  expect(violations).toEqual([]);
});
