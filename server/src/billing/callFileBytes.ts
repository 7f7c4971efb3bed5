import { parseQuoted, sniffDelimiter, type CsvRecord } from './importCsv';

/** What the byte scanner hands on: the header, plain lines as bytes, and every other record as text. */
export interface ByteLineHandlers {
  /** The first record. False: the header is unusable (no row can be read), stop reading. */
  header(cells: string[], delimiter: number): boolean;
  /** A plain line b[start, end) without its line break. False: it goes to `record` as text. */
  line(b: Buffer, start: number, end: number): boolean;
  /** A record read as text (quoted fields, or a line the byte path did not take). */
  record(r: CsvRecord): void;
}

/** Whether a carrier CSV can be read byte by byte: UTF-8 or GB18030 (ASCII bytes are themselves in both) with \n line breaks. */
export function byteScannable(head: Uint8Array, encoding: string): boolean {
  if (encoding !== 'utf-8' && encoding !== 'gb18030') return false;
  // a file with \r line breaks only (old Mac exports) is left to the text reader, which converts them
  return head.indexOf(10) >= 0 || head.indexOf(13) < 0;
}

const isBlankByte = (c: number) => c === 32 || (c >= 9 && c <= 13);

/**
 * Reads a UTF-8 or GB18030 CSV as bytes and splits it into records exactly as csvRecords does
 * (same line numbers, blank lines skipped, \r\n, RFC 4180 quotes with line breaks inside), but
 * without decoding the common plain line: it goes to `h.line` as bytes. Quoted records, lines the
 * byte path refuses and the header are decoded and handed on as text. Yields after each chunk of
 * the file so the caller's COPY data can go out.
 *
 * In both encodings the bytes of '"', ',', '\n' and '\r' never occur inside a multi-byte character
 * (UTF-8 continuation bytes are 0x80–0xBF; GB18030 trail bytes 0x30–0x39 and 0x40–0xFE), so
 * records can be found in the bytes before any decoding.
 */
export async function* scanCsvBytes(chunks: AsyncIterable<Uint8Array>, encoding: 'utf-8' | 'gb18030', h: ByteLineHandlers): AsyncGenerator<void> {
  const decoder = new TextDecoder(encoding);
  const text = (b: Buffer, s: number, e: number) => decoder.decode(b.subarray(s, e));
  let delimText: string | null = null;
  let delim = 44;
  let line = 1;
  let headerRead = false;
  let stopped = false;
  let first = true;
  let carry: Buffer | null = null;

  const record = (cells: string[], at: number) => {
    if (!headerRead) {
      headerRead = true;
      if (!h.header(cells, delim)) stopped = true;
    } else h.record({ line: at, cells });
  };

  /** The end of a quoted record starting at pos (its line break, or `lim` at the end of the file); -1 when more bytes are needed. */
  const quotedEnd = (b: Buffer, pos: number, lim: number, final: boolean): number => {
    let i = pos;
    for (;;) {
      if (i < lim && b[i] === 34) {
        i++;
        for (;;) {
          const q = b.indexOf(34, i);
          if (q < 0 || q >= lim) return final ? lim : -1; // an unclosed quote runs to the end of the file
          if (q + 1 < lim && b[q + 1] === 34) {
            i = q + 2;
            continue;
          }
          if (q + 1 >= lim && !final) return -1; // "" may straddle two chunks
          i = q + 1;
          break;
        }
      }
      while (i < lim && b[i] !== delim && b[i] !== 10) i++;
      if (i >= lim) return final ? lim : -1;
      if (b[i] === delim) {
        i++;
        continue;
      }
      return i;
    }
  };

  /** Records of b[pos, lim); returns where it stopped (the start of a record that needs more bytes). */
  const take = (b: Buffer, pos: number, lim: number, final: boolean): number => {
    let q = b.indexOf(34, pos);
    while (pos < lim && !stopped) {
      let nl = b.indexOf(10, pos);
      if (nl < 0 || nl >= lim) {
        if (!final) break;
        nl = lim;
      }
      let end = nl;
      if (end > pos && b[end - 1] === 13) end--;
      if (delimText === null) {
        delimText = sniffDelimiter(text(b, pos, nl));
        delim = delimText.charCodeAt(0);
      }
      if (q >= 0 && q < pos) q = b.indexOf(34, pos);
      if (q >= 0 && q < nl) {
        const recEnd = quotedEnd(b, pos, lim, final);
        if (recEnd < 0) break;
        const p = parseQuoted(text(b, pos, recEnd), 0, delimText, true);
        record(p!.cells, line);
        line += p!.breaks + (recEnd < lim ? 1 : 0);
        pos = recEnd + 1;
        continue;
      }
      let blank = true;
      for (let i = pos; i < end && blank; i++) blank = isBlankByte(b[i]!);
      if (!blank) {
        if (!headerRead || !h.line(b, pos, end)) {
          const raw = text(b, pos, end);
          if (raw.trim() !== '') record(raw.split(delimText), line);
        }
      }
      line++;
      pos = nl + 1;
    }
    return pos;
  };

  for await (const chunk of chunks) {
    let b: Buffer = carry ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (first) {
      first = false;
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3); // the BOM
    }
    const lim = b.lastIndexOf(10) + 1;
    const pos = take(b, 0, lim, false);
    // what is left is one partial record: copied, so the chunk itself can go
    carry = pos < b.length ? Buffer.from(b.subarray(pos)) : null;
    if (stopped) return;
    yield;
  }
  if (carry && carry.length) take(carry, 0, carry.length, true);
  yield;
}
