// BinaryCopyWriter (server/src/db/copyBinary.ts) read back by the real PostgreSQL: every value the
// call-record import writes in binary COPY form comes back as the same value a text INSERT stores.
import { describe, expect, it } from 'vitest';
import { copyFromChunks } from '../server/src/db/copy';
import { BinaryCopyWriter } from '../server/src/db/copyBinary';
import { openTestDb, testBackends } from './server-harness';

const pg = (await testBackends()).find((b) => b.kind === 'postgres')!;

describe.skipIf(!!pg.skip)(`binary COPY rows read by PostgreSQL${pg.skip ? ` — skipped: ${pg.skip}` : ''}`, () => {
  it('text (ASCII, Chinese, emoji, empty), null, int, bigint (negative, beyond 32 bits), timestamptz (ms, before 2000), date, uuid, raw bytes', async () => {
    const { db, dispose } = await openTestDb('postgres', { poolSize: 1 });
    try {
      const rows = [
        { t: 'CDR000000001', n: null, i: 61, b: -5, ts: Date.UTC(2026, 10, 3, 1, 15, 22), d: '2026-11-03', u: '11111111-2222-3333-4444-555555555555' },
        { t: '河南 郑州 👍', n: 'x', i: -2147483648, b: 9_007_199_254_740_991, ts: Date.UTC(1999, 11, 31, 23, 59, 59, 123), d: '1999-12-31', u: 'ffffffff-ffff-ffff-ffff-ffffffffffff' },
        { t: '', n: 'tab\there', i: 2147483647, b: -4_294_967_297, ts: Date.UTC(2000, 0, 1), d: '2000-01-01', u: '00000000-0000-0000-0000-000000000000' },
      ];
      const w = new BinaryCopyWriter(8).header(); // a tiny start: the writer grows as it goes
      for (const r of rows) {
        w.row(8).text(r.t).textOrNull(r.n).int32(r.i).int64OrNull(r.b).timestamptz(r.ts).date(r.d).raw(Buffer.from(r.u.replace(/-/g, ''), 'hex')); // a uuid's send format: its 16 bytes
        w.bytes(Buffer.from(`[${r.t}]`), 1, Buffer.byteLength(`[${r.t}]`) - 1);
      }
      const rowsOnly = w.trailer().take();
      await db.transaction(async (tx) => {
        await tx.query('CREATE TEMP TABLE b (t text, n text, i int, b bigint, ts timestamptz, d date, u uuid, raw text)');
        expect(await copyFromChunks(tx, 'COPY b FROM STDIN (FORMAT binary)', [rowsOnly])).toBe(3);
        const back = await tx.query<Record<string, unknown>>("SELECT t, n, i, b::text AS b, to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS ts, d::text AS d, u::text AS u, raw FROM b ORDER BY i");
        const want = [...rows].sort((x, y) => x.i - y.i).map((r) => ({ t: r.t, n: r.n, i: r.i, b: String(r.b), ts: new Date(r.ts).toISOString(), d: r.d, u: r.u, raw: r.t }));
        expect(back.rows).toEqual(want);
      });
    } finally {
      await dispose();
    }
  });

  it('a row with the wrong field count is refused by PostgreSQL (the format is checked, not trusted)', async () => {
    const { db, dispose } = await openTestDb('postgres', { poolSize: 1 });
    try {
      const w = new BinaryCopyWriter().header().row(2).int32(1).trailer();
      await expect(
        db.transaction(async (tx) => {
          await tx.query('CREATE TEMP TABLE c (a int)');
          await copyFromChunks(tx, 'COPY c FROM STDIN (FORMAT binary)', [w.take()]);
        }),
      ).rejects.toThrow(/row field count is 2, expected 1/);
    } finally {
      await dispose();
    }
  });
});
