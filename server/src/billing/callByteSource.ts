import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { CarrierMapping } from '../../../shared/billing/index';
import type { BillingAccount } from './accounts';
import { byteScannable, scanCsvBytes } from './callFileBytes';
import type { CallRowSource } from './callLoadCopy';
import { CallRowEncoder } from './callRows';
import { bytesSource, sniffEncoding } from './importCsv';
import { ByteRowMapper } from './importBytes';
import { CallBatchMapper } from './importMap';

/** The first 64 KiB of a carrier file, to tell its encoding and line breaks. */
export async function fileHead(input: { bytes?: Uint8Array; path?: string }): Promise<Uint8Array> {
  if (input.bytes) return input.bytes.subarray(0, 65536);
  const f = await open(input.path!, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const { bytesRead } = await f.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await f.close();
  }
}

/** What one pass over the file found, filled in as it goes: the mapper (rules, errors, counts), the rows rated and the time spent. */
export interface ImportPass {
  mapper: CallBatchMapper | null;
  rated: number;
  parseMs: number;
  mapMs: number;
}

/**
 * A CSV carrier file on PostgreSQL as a row source read byte by byte (scanCsvBytes + ByteRowMapper),
 * for UTF-8 and GB18030 files with \n line breaks; null when the file is another kind (the caller
 * reads it as text). Plain lines are checked, rated and written from their bytes; every other
 * record goes through CallBatchMapper.map, the text path, in file order. Reading, splitting,
 * checking and rating are one pass here: their time is counted as `mapMs`.
 */
export async function csvByteSource(
  input: { bytes?: Uint8Array; path?: string },
  mapping: CarrierMapping,
  timeZone: string,
  accounts: BillingAccount[],
  pass: ImportPass,
  /** the size of the pieces the file is read in (tests cut it small to cross every boundary) */
  chunkBytes = 1 << 20,
): Promise<CallRowSource | null> {
  const head = await fileHead(input);
  const encoding = sniffEncoding(head);
  if (encoding === 'utf-16le' || !byteScannable(head, encoding)) return null;
  const encoder = new CallRowEncoder();
  return async function* (router) {
    let bytes: ByteRowMapper | null = null;
    const handlers = {
      header(cells: string[], delimiter: number) {
        const m = (pass.mapper = new CallBatchMapper(cells, mapping, timeZone, accounts));
        bytes = new ByteRowMapper(m, delimiter, accounts);
        return m.ok;
      },
      line: (b: Buffer, start: number, end: number) => bytes!.line(b, start, end, router),
      record(r: { line: number; cells: string[] }) {
        const m = pass.mapper!;
        const rated = m.map([r]);
        if (m.ok) for (const x of rated) encoder.write(router.writerFor(x.call.localDay, x.call.carrierRecordId), x);
      },
    };
    const source = input.path ? (createReadStream(input.path, { highWaterMark: chunkBytes }) as AsyncIterable<Uint8Array>) : bytesSource(input.bytes ?? new Uint8Array(), chunkBytes);
    const it = scanCsvBytes(source, encoding, handlers);
    for (;;) {
      const t = performance.now();
      const step = await it.next();
      pass.mapMs += performance.now() - t;
      if (step.done) break;
      yield;
    }
    pass.rated = [...router.months.values()].reduce((n, t) => n + t.rows, 0);
  };
}
