import { describe, expect, it } from 'vitest';
import { bytesSource, csvRecords, sniffDelimiter, sniffEncoding, type CsvRecord } from './importCsv';

async function read(bytes: Uint8Array, chunkSize = 1 << 20, batchSize = 3): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const batch of csvRecords(bytesSource(bytes, chunkSize), batchSize)) out.push(...batch);
  return out;
}
const utf8 = (s: string) => new TextEncoder().encode(s);

const TRICKY = '\ufeff流水号,号码,备注\r\nA1,4008001234,"含,逗号"\r\n\r\nA2,4008001235,"两行\r\n备注"\r\nA3,4008001236,"说""好的"""\r\n   \r\nA4,4008001237,末行无换行';

describe('csvRecords', () => {
  it('splits quoted fields (separators, doubled quotes, line breaks), skips blank lines and names each record by its first line', async () => {
    expect(await read(utf8(TRICKY))).toEqual([
      { line: 1, cells: ['流水号', '号码', '备注'] },
      { line: 2, cells: ['A1', '4008001234', '含,逗号'] },
      { line: 4, cells: ['A2', '4008001235', '两行\r\n备注'] },
      { line: 6, cells: ['A3', '4008001236', '说"好的"'] },
      { line: 8, cells: ['A4', '4008001237', '末行无换行'] },
    ]);
  });

  it('gives the same records whatever the chunk size (a quote, CRLF or a UTF-8 character cut between chunks)', async () => {
    const whole = await read(utf8(TRICKY));
    for (const size of [1, 2, 3, 5, 7, 13]) expect(await read(utf8(TRICKY), size, 2)).toEqual(whole);
  });

  it('reads GBK bytes (Excel on Chinese Windows), tab-separated files and old Mac line breaks', async () => {
    // 流水号,号码 in GBK
    const gbk = new Uint8Array([0xc1, 0xf7, 0xcb, 0xae, 0xba, 0xc5, 0x2c, 0xba, 0xc5, 0xc2, 0xeb, 0x0a, 0x41, 0x2c, 0x31, 0x0a]);
    expect(sniffEncoding(gbk)).toBe('gb18030');
    expect(await read(gbk, 3)).toEqual([
      { line: 1, cells: ['流水号', '号码'] },
      { line: 2, cells: ['A', '1'] },
    ]);
    expect(await read(utf8('a\tb\n1\t2\n'))).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
    expect(await read(utf8('a,b\r1,2\r3,4'))).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
  });

  it('keeps an unclosed quote to the end of the file instead of losing rows silently', async () => {
    expect(await read(utf8('a,b\n1,"open\n2,3\n'))).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'open\n2,3\n'] },
    ]);
  });
});

describe('sniffing', () => {
  it('takes UTF-8 even when the sample ends inside a character, and the most frequent separator', () => {
    const bytes = utf8('号码,号码');
    expect(sniffEncoding(bytes.subarray(0, 4))).toBe('utf-8');
    expect(sniffDelimiter('a;b;c,d')).toBe(';');
    expect(sniffDelimiter('单列')).toBe(',');
  });
});
