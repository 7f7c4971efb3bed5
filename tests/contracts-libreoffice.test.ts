// Integration: each contract template, filled with its example data, converted to PDF by
// LibreOffice (headless); pdftotext must find the record's data and every clause of the seed.
// The PDFs and page images are left in .test-output/contracts/ to look at.
//
// SimSun and SimHei are not installed here, so a fontconfig file (including the system one)
// aliases them to Noto Serif / Sans CJK SC for the conversion, as a Chinese Windows would have them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContract, CONTRACT_TEMPLATE_IDS, renderContractDocx, type ContractTemplateId } from '../shared/index';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, '.test-output', 'contracts');
const SEEDS = path.resolve(ROOT, '..', 'shared', 'seeds');
const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
const hasPoppler = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

/** The seed of each template and how many headings it has (400: 第一–六、八条 + （一）（二）; 4008: 第一–九条 + 3.1, 3.2). */
const SEED_OF: Record<ContractTemplateId, { file: string; headings: number } | null> = {
  'agreement-400': { file: '400-user-service-agreement.txt', headings: 9 },
  'access-4008': { file: '4008-access-service-contract.txt', headings: 11 },
  'completion-form': null,
};

const example = (id: string) => JSON.parse(readFileSync(path.join(ROOT, 'assets/contracts/examples', `${id}.json`), 'utf8'));
const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** The seed's clause headings (第一条 …, and the sub-headings （一）/ 3.1), whitespace removed. */
function seedHeadings(seed: string): string[] {
  return seed
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^第[一二三四五六七八九十]+条/.test(l) || /^\d\.\d [^\d]{2,12}$/.test(l) || /^（[一二三]）[^，。]{2,12}$/.test(l))
    .map(squash);
}

/**
 * The start of every line of the seed (up to its first blank, at most 12 characters): every
 * clause, preamble line and signature label must be in the PDF, in the seed's words.
 */
function seedLineStarts(seed: string): string[] {
  return seed
    .split('\n')
    .map((l) => squash(l.trim().split(/ {2,}|\u3000{2,}|\[ \]/)[0] ?? '').slice(0, 12))
    .filter((s) => s.length >= 3);
}

const pdfText = new Map<string, string>();
let fontconfigDir = '';

beforeAll(() => {
  if (!hasSoffice || !hasPoppler) return;
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  fontconfigDir = mkdtempSync(path.join(tmpdir(), 'contracts-fc-'));
  const fontsConf = path.join(fontconfigDir, 'fonts.conf');
  writeFileSync(
    fontsConf,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>SimSun</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>SimHei</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>
`,
  );
  return (async () => {
    const files: string[] = [];
    for (const id of CONTRACT_TEMPLATE_IDS) {
      const file = path.join(OUT, `${id}.docx`);
      writeFileSync(file, await renderContractDocx(buildContract(id, example(id))));
      files.push(file);
    }
    // One soffice call for all files (much cheaper than one each), with its own profile so a
    // LibreOffice run elsewhere on the machine cannot swallow a conversion.
    const profile = path.join(fontconfigDir, 'lo-profile');
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', OUT, ...files], {
      env: { ...process.env, FONTCONFIG_FILE: fontsConf },
      stdio: 'ignore',
      timeout: 170_000,
    });
    for (const id of CONTRACT_TEMPLATE_IDS) {
      const pdf = path.join(OUT, `${id}.pdf`);
      if (!existsSync(pdf)) continue;
      pdfText.set(id, execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
      execFileSync('pdftoppm', ['-png', '-r', '70', pdf, path.join(OUT, id)], { env: { ...process.env, FONTCONFIG_FILE: fontsConf } });
    }
  })();
}, 180_000);

afterAll(() => {
  if (fontconfigDir) rmSync(fontconfigDir, { recursive: true, force: true });
});

describe.skipIf(!hasSoffice || !hasPoppler)('contracts through LibreOffice', () => {
  it.each(CONTRACT_TEMPLATE_IDS)('%s: converts to PDF with the record data, page numbers and the contract number', (id) => {
    const text = pdfText.get(id);
    expect(text, `no PDF for ${id}`).toBeDefined();
    const t = squash(text!);
    const data = example(id);
    expect(t).toContain(data.customer.name);
    expect(t).toContain('400-812-3456');
    expect(t).toContain(data.contractNumber);
    expect(t).toContain('郑州启凡计算机软件有限公司');
    expect(t).toMatch(/第1页共\d+页/);
    expect(t).not.toMatch(/[{}]|undefined/);
    const pages = readdirSync(OUT).filter((f) => f.startsWith(`${id}-`) && f.endsWith('.png'));
    expect(pages.length).toBeGreaterThan(0);
  });

  it('400 agreement: amount in figures and uppercase RMB, monthly minimum, dates, annex forms', () => {
    const t = squash(pdfText.get('agreement-400') ?? '');
    expect(t).toContain('合同金额为6,007.14元（人民币大写：陆仟零柒元壹角肆分）');
    expect(t).toContain('每月最低消费300.00元');
    expect(t).toContain('2026年11月22日');
    expect(t).toContain('400业务标准受理单');
    expect(t).toContain('400业务入网登记单');
  });

  it('4008 contract: payment method marked, overdue days, requirement form', () => {
    const t = squash(pdfText.get('access-4008') ?? '');
    expect(t).toContain('☑银行转账/☐银行托收/☐现金支付/☐电话托收');
    expect(t).toContain('逾期付费累计超过[30]日');
    expect(t).toContain('4008业务需求单');
    expect(t).toContain('接入呼叫中心的被叫电话号码');
  });

  it('completion form: opening date, billing start and deemed acceptance', () => {
    const t = squash(pdfText.get('completion-form') ?? '');
    expect(t).toContain('2026年11月25日');
    expect(t).toContain('2026年12月3日（送达后第五个工作日）');
  });

  for (const id of CONTRACT_TEMPLATE_IDS) {
    const seed = SEED_OF[id];
    if (!seed) continue;
    it(`${id}: every clause heading and every clause of the seed is in the PDF`, () => {
      const seedText = readFileSync(path.join(SEEDS, seed.file), 'utf8');
      // The choice marks of 5.1 (☑/☐) are the only characters the contract adds inside a clause.
      const t = squash(pdfText.get(id) ?? '').replace(/[☑☐]/g, '');
      const headings = seedHeadings(seedText);
      expect(headings).toHaveLength(seed.headings);
      const missingHeadings = headings.filter((h) => !t.includes(h));
      expect(missingHeadings).toEqual([]);
      const starts = seedLineStarts(seedText);
      expect(starts.length).toBeGreaterThan(30);
      const missing = starts.filter((s) => !t.includes(s));
      expect(missing).toEqual([]);
    });
  }
});
