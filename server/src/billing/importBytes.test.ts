import { describe, expect, it } from 'vitest';
import type { CarrierMapping } from '../../../shared/billing/index';
import type { BillingAccount } from './accounts';
import { testAccount } from './accountFixture';
import { csvByteSource, type ImportPass } from './callByteSource';
import { ratedCallSource } from './callLoadCopy';
import { MonthRouter } from './callMonths';
import { CallRowEncoder } from './callRows';
import { bytesSource, csvRecords } from './importCsv';
import { CallBatchMapper, type RatedCall } from './importMap';

const OFFICE = '11111111-2222-3333-4444-555555555555';

const account = testAccount;

/** What a row source wrote: each month's COPY bytes and tally, and the mapper's answer. */
async function drain(source: (r: MonthRouter) => AsyncGenerator<void>, mapper: () => CallBatchMapper | null) {
  const router = new MonthRouter(OFFICE, '/nonexistent-spill-dir');
  const main: Buffer[] = [];
  for await (const _ of source(router)) main.push(router.main.take());
  main.push(router.main.take());
  const months: Record<string, { rows: number; minId: string; maxId: string; bytes: string }> = {};
  for (const [k, t] of router.months) {
    // spills stay in memory below 8 MB: the test never touches the disk
    const bytes = t === router.first ? Buffer.concat(main) : router.spills.get(k)!.writer.take();
    months[k] = { rows: t.rows, minId: t.ids.minId, maxId: t.ids.maxId, bytes: bytes.toString('hex') };
  }
  const m = mapper();
  // a file with an error is refused whole: what each path had written before it found the error
  // (the text path stops at a batch, the byte path at the row) is never stored, so not compared
  return { months: m?.errorCount ? 'refused' : months, errors: m?.errors, errorCount: m?.errorCount, duplicatesInFile: m?.duplicatesInFile, rowsRead: m?.rowsRead };
}

/** The text path the import used before the byte path, and still uses for XLSX: csvRecords → CallBatchMapper → encoder. */
async function viaText(file: Uint8Array, mapping: CarrierMapping, officeTz: string, accounts: BillingAccount[]) {
  let mapper: CallBatchMapper | null = null;
  async function* batches(): AsyncGenerator<RatedCall[]> {
    for await (let batch of csvRecords(bytesSource(file, 1 << 20), 4)) {
      if (!mapper) {
        mapper = new CallBatchMapper(batch[0]!.cells, mapping, officeTz, accounts);
        batch = batch.slice(1);
        if (!mapper.ok) return;
      }
      const rated = mapper.map(batch);
      if (mapper.ok) yield rated;
    }
  }
  return drain(ratedCallSource(batches(), new CallRowEncoder()), () => mapper);
}

async function viaBytes(file: Uint8Array, mapping: CarrierMapping, officeTz: string, accounts: BillingAccount[], chunkBytes: number) {
  const pass: ImportPass = { mapper: null, rated: 0, parseMs: 0, mapMs: 0 };
  const source = await csvByteSource({ bytes: file }, mapping, officeTz, accounts, pass, chunkBytes);
  expect(source).not.toBeNull();
  return drain(source!, () => pass.mapper);
}

/** Both paths over the same file, the byte path with pieces of several sizes (every boundary is crossed): the same bytes, counts and errors. */
async function same(file: Uint8Array, mapping: CarrierMapping, accounts: BillingAccount[], officeTz = 'Asia/Shanghai') {
  const text = await viaText(file, mapping, officeTz, accounts);
  for (const chunk of [1, 2, 7, 64, 1 << 20]) expect(await viaBytes(file, mapping, officeTz, accounts, chunk), `pieces of ${chunk} bytes`).toEqual(text);
  return text;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const csv = (rows: string[][], eol = '\n') => rows.map((r) => r.join(',')).join(eol) + eol;

describe('the byte path writes exactly what the text path writes', () => {
  const mapping: CarrierMapping = { columns: { carrierRecordId: 'id', hotline: 'no', caller: 'from', forwardedTo: 'to', startAt: 'start', durationSeconds: 'secs', feeFen: 'fee', callerProvince: 'prov' }, feeUnit: 'yuan' };
  const accounts = [account('4008000001', 1), account('4008000002', 2), account('4008000005', 5, '2026-01-01'), account('4008000005', 6, '2026-11-04')];
  const header = ['id', 'no', 'from', 'to', 'start', 'secs', 'fee', 'prov'];

  it('plain rows, unusual but valid rows, bad rows, repeats, a number held by two accounts over time, two months', async () => {
    const rows = [
      header,
      ['C1', '4008000001', '13800000001', '037100001', '2026-11-03 09:15:22', '61', '0.40', ''],
      ['C2', '4008000002', '138', '0371', '2026-11-03 23:59:59', '0', '12', '河南'],
      [' C3 ', '4008000002', '138', '0371', '2026-11-03 10:00:00', '5', '', ''],
      ['C4', '400-800-0001', '138', '0371', '2026/11/3 9:05', '600', '-1.5', ''],
      ['C5', '4008000001', '138', '0371', '20261103091522', '0007', '1.', ''],
      ['C6', '4008000001', '138', '0371', '2026-11-03T01:15:22Z', '59', '1.234', ''],
      ['C7', '4008000009', '138', '0371', '2026-11-03 10:00:00', '10', '', ''],
      ['C8', '4008000001', '', '0371', '2026-11-03 10:00:00', '-5', 'x', ''],
      ['C1', '4008000002', '138', '0371', '2026-11-04 10:00:00', '5', '', ''],
      ['C9', '4008000005', '138', '0371', '2026-11-03 10:00:00', '5', '0.1', ''],
      ['C10', '4008000005', '138', '0371', '2026-11-05 10:00:00', '5', '-0.01', ''],
      ['C11', '4008000001', '1'.repeat(50), '2'.repeat(45), '2026-10-31 16:30:00', '3601', '-0.05', 'GD'],
      ['B1', '4008000001', '138', '0371', '2026-11-06 10:00:00', '1234567890', '99999999999.99', ''],
      ['C12', '4008000001', '138', '0371', '2026-11-06 10:61:00', '5', '', ''],
      ['C13', '4008000002', '138', '0371', '2026-11-06 10:00:00'],
      ['C2', '4008000001', '138', '0371', '2026-11-06 11:00:00', '5', '', ''],
      ['A0', '4008000001', '138', '0371', '2026-10-06 11:00:00', '5', '', ''],
    ];
    const out = await same(utf8(csv(rows)), mapping, accounts);
    // the comparison is only worth something if all kinds of rows are there
    expect(out.duplicatesInFile).toBe(2);
    expect(out.errorCount).toBeGreaterThan(4);
    // … and the good ones alone are written the same, month by month
    const bad = new Set(out.errors!.map((e) => e.row));
    const good = rows.filter((_, i) => !bad.has(i + 1));
    expect(good.length).toBeGreaterThan(8);
    const written = await same(utf8(csv(good)), mapping, accounts);
    expect(written.errorCount).toBe(0);
    expect(Object.keys(written.months).sort()).toEqual(['2026-10', '2026-11']);
  });

  it('without errors: every month written (the byte path writes only while the file is good)', async () => {
    const rows = [header];
    for (let i = 0; i < 300; i++) rows.push([`K${String(i).padStart(4, '0')}`, i % 3 ? '4008000001' : '4008000005', `138${i}`, '0371', `2026-${i % 2 ? '10' : '11'}-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:0${i % 10}:1${i % 10}`, String(i * 7), (i / 100).toFixed(2), i % 5 ? '' : '广东']);
    rows.push(['K0007', '4008000001', '138', '0371', '2026-11-01 00:00:00', '1', '', '']); // repeat, out of order
    const out = await same(utf8(csv(rows)), mapping, accounts);
    expect(out.errorCount).toBe(0);
    const months = out.months as Record<string, { rows: number }>;
    expect(months['2026-10']!.rows + months['2026-11']!.rows).toBe(300);
    expect(out.duplicatesInFile).toBe(1);
  });

  it('quoted fields with separators, quotes and line breaks; CRLF; blank lines; a BOM: same rows and file lines', async () => {
    const text =
      '\ufeffid,no,from,to,start,secs,fee,prov\r\n' +
      'Q1,4008000001,138,0371,2026-11-03 09:15:22,61,0.40,\r\n' +
      '\r\n' +
      '"Q2",4008000001,"13,8","0371",2026-11-03 09:15:22,61,0.40,"河\r\n南"\r\n' +
      '   \r\n' +
      'Q3,4008000001,138,0371,2026-11-03 09:15:22,61,0.40,"say ""hi"""\r\n' +
      'Q4,4008000001,1"38,0371,2026-11-03 09:15:22,61,0.40,\r\n' +
      'Q5,4008000001,138,0371,2026-11-03 09:15:22,x,0.40,\r\n' +
      '\u3000\r\n' +
      'Q6,4008000001,138,0371,2026-11-03 09:15:22,62,0.40,';
    await same(utf8(text.replace('Q5,4008000001,138,0371,2026-11-03 09:15:22,x,', 'Q5,4008000001,138,0371,2026-11-03 09:15:22,5,')), mapping, accounts);
    const out = await same(utf8(text), mapping, accounts);
    // Q5's bad duration is named on its own line of the file (line 9: quoted break, blank lines counted)
    expect(out.errors!.map((e) => e.row)).toEqual([9]);
  });

  it('a GBK file (Excel on Chinese Windows), a tab-separated file, fee in fen with answer and end times', async () => {
    const gbkText = csv([header, ['G1', '4008000001', '138', '0371', '2026-11-03 09:15:22', '61', '0.40', '河南'], ['G2', '4008000002', '138', '0371', '2026-11-03 09:15:22', '1', '0.10', '']]);
    // GB18030 bytes of the text: 河南 is C4 CF C4 CF? built by hand from a known table would be brittle — use iconv through TextDecoder's inverse
    const gbk = encodeGb18030(gbkText);
    await same(gbk, mapping, accounts);
    const tabbed = utf8(csv([header, ['T1', '4008000001', '138', '0371', '2026-11-03 09:15:22', '61', '0.40', '']], '\n').replace(/,/g, '\t'));
    await same(tabbed, mapping, accounts);
    const fen: CarrierMapping = { columns: { carrierRecordId: 'id', hotline: 'no', caller: 'from', forwardedTo: 'to', startAt: 's', answerAt: 'a', endAt: 'e', callerCity: 'city', feeFen: 'fee' }, feeUnit: 'fen', timeZone: 'America/New_York' };
    const rows = [['id', 'no', 'from', 'to', 's', 'a', 'e', 'city', 'fee']];
    for (let m = 0; m < 24 * 60; m += 7) {
      const t = (d: string, mm: number) => `${d} ${String(Math.floor(mm / 60) % 24).padStart(2, '0')}:${String(mm % 60).padStart(2, '0')}:${String((mm * 7) % 60).padStart(2, '0')}`;
      rows.push([`N${m}`, '4008000001', '138', '0371', t('2026-11-01', m), m % 3 ? t('2026-11-01', m) : '', t('2026-11-01', Math.min(m + 3, 24 * 60 - 1)), m % 4 ? '' : 'NYC', String(m)]);
    }
    const out = await same(utf8(csv(rows)), fen, accounts, 'Asia/Shanghai');
    expect(out.errorCount).toBe(0);
    expect(Object.values(out.months as Record<string, { rows: number }>).reduce((n, t) => n + t.rows, 0)).toBeGreaterThan(150);
  });
});

/** GB18030 bytes for the few characters the test uses (Node's TextEncoder writes UTF-8 only). */
function encodeGb18030(text: string): Uint8Array {
  const table: Record<string, number[]> = { 河: [0xba, 0xd3], 南: [0xc4, 0xcf] };
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (table[ch]) out.push(...table[ch]!);
    else throw new Error(`no GB18030 bytes for ${ch} in the test table`);
  }
  const bytes = Uint8Array.from(out);
  // the table is right only if decoding gives the text back
  expect(new TextDecoder('gb18030').decode(bytes)).toBe(text);
  return bytes;
}
