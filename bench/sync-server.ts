// Server-side sync figures (no browser): on PGlite and on PostgreSQL (TEST_DATABASE_URL), each
// with an in-process server on loopback:
//   push 1k   — 1,000 record.create mutations in two batches of 500 (one client)
//   pull 1k   — a second client pulls those 1,000 changes in pages of 1,000
//   agents    — 200 simulated agents at once, each (from yesterday's cursor) pushing 10 creates and
//               pulling the others' changes;
//               10% of them also race for the same 50 numbers (5 allocations each):
//               p50/p95 per-agent sync time and the number of double allocations (must be 0)
// Prints the figures and writes bench/results/sync-server.json. Never fails on a threshold.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { TestClient, http, login, openTestDb, seed, startServer, testBackends, type BackendChoice } from '../tests/server-harness';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const ms = (t0: number) => Math.round(performance.now() - t0);

async function run(kind: BackendChoice['kind']) {
  const t = await openTestDb(kind, { poolSize: 20 });
  const server = await startServer(t.db);
  try {
    const fx = await seed(t.db);
    const s = await login(server.url, fx.users.clerkA!);
    const m = await login(server.url, fx.users.managerA!);
    const writer = new TestClient(server.url, s.accessToken, fx.officeA);
    const muts = Array.from({ length: 1000 }, (_, i) => writer.mutation('record.create', { entity: 'customer', id: randomUUID(), data: { name: `客户${i}`, landline: '010-62345678', address: '北京市海淀区' } }));
    let t0 = performance.now();
    for (let i = 0; i < muts.length; i += 500) await writer.push(muts.slice(i, i + 500));
    const push1k = ms(t0);
    const reader = new TestClient(server.url, s.accessToken, fx.officeA);
    t0 = performance.now();
    await reader.pullAll(1000);
    const pull1k = ms(t0);

    const numbers = Array.from({ length: 50 }, (_, i) => `4008${String(900000 + i)}`);
    await http(server.url, 'POST', `/v1/offices/${fx.officeA}/numbers`, { token: m.accessToken, json: { numbers } });
    const customer = randomUUID();
    await writer.run('record.create', { entity: 'customer', id: customer, data: { name: '抢号客户' } });
    // Each agent synced yesterday: it starts from the cursor a full pull reached, pushes its day's
    // work and pulls what the others pushed meanwhile.
    const agents = Array.from({ length: 200 }, () => Object.assign(new TestClient(server.url, s.accessToken, fx.officeA), { cursor: { ...reader.cursor } }));
    const times: number[] = [];
    let allocated = 0;
    let refused = 0;
    t0 = performance.now();
    await Promise.all(
      agents.map(async (a, i) => {
        const start = performance.now();
        const batch = Array.from({ length: 10 }, () => a.mutation('record.create', { entity: 'customer', id: randomUUID(), data: { name: '外勤' } }));
        if (i % 10 === 0) for (let k = 0; k < 5; k++) batch.push(a.mutation('number.allocate', { customerId: customer }));
        const r = await a.push(batch);
        if (r.status !== 200) throw new Error(`push ${r.status}: ${JSON.stringify(r.body)}`);
        for (const x of r.body.results) {
          if (x.mutationId && batch.find((b) => b.mutationId === x.mutationId)?.name === 'number.allocate') {
            if (x.status === 'applied') allocated++;
            else refused++;
          }
        }
        await a.pullAll(1000);
        times.push(performance.now() - start);
      }),
    );
    const agentsTotal = ms(t0);
    const doubles = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM (SELECT number FROM number_assignments WHERE ended_at IS NULL GROUP BY number HAVING count(*) > 1) d');
    return {
      backend: kind,
      push1kMs: push1k,
      pull1kMs: pull1k,
      agents: { count: 200, totalMs: agentsTotal, p50Ms: Math.round(quantile(times, 0.5)), p95Ms: Math.round(quantile(times, 0.95)), allocated, refused, doubleAllocations: doubles.rows[0]!.n },
    };
  } finally {
    await server.close();
    await t.dispose();
  }
}

const results = [];
for (const b of (await testBackends()).filter((x) => process.argv.length <= 2 || process.argv.includes(x.kind))) {
  if (b.skip) {
    console.log(`${b.kind}: skipped — ${b.skip}`);
    results.push({ backend: b.kind, skipped: b.skip });
    continue;
  }
  const r = await run(b.kind);
  console.log(
    `${r.backend.padEnd(8)} push 1k ${r.push1kMs} ms · pull 1k ${r.pull1kMs} ms · 200 agents: p50 ${r.agents.p50Ms} ms, p95 ${r.agents.p95Ms} ms, total ${r.agents.totalMs} ms; ` +
      `numbers ${r.agents.allocated} allocated / ${r.agents.refused} refused, double allocations ${r.agents.doubleAllocations}`,
  );
  results.push(r);
}
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/sync-server.json', import.meta.url), JSON.stringify({ bench: 'sync-server', ok: true, at: new Date().toISOString(), loadavg: loadavg(), results }, null, 2) + '\n');
