// `npm run bench`: runs every bench/*.ts (except this file), one child process each, in series
// so they do not compete for the machine's two cores. Each bench prints its figures and writes
// bench/results/<name>.json itself; when a bench fails without writing one, this runner writes
// bench/results/<name>.json with the failure, so a results folder never silently lacks a bench.
// Benches never fail on a threshold; the exit code is non-zero only when a bench crashed.
// Run a subset with `npm run bench -- contracts numbers-idb`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.join(BENCH, 'results');
const TSX = path.join(BENCH, '..', 'node_modules', '.bin', 'tsx');

const only = process.argv.slice(2);
const benches = readdirSync(BENCH)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

mkdirSync(RESULTS, { recursive: true });
const summary: { name: string; ok: boolean; seconds: number }[] = [];

for (const name of benches) {
  const file = path.join(BENCH, `${name}.ts`);
  const result = path.join(RESULTS, `${name}.json`);
  const before = existsSync(result) ? statSync(result).mtimeMs : 0;
  console.log(`\n=== bench ${name}`);
  const t0 = performance.now();
  const r = spawnSync(TSX, [file], { stdio: 'inherit', env: process.env });
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  const ok = r.status === 0;
  summary.push({ name, ok, seconds });
  const wrote = existsSync(result) && statSync(result).mtimeMs > before;
  if (!ok && !wrote) {
    writeFileSync(result, JSON.stringify({ bench: name, ok: false, exitCode: r.status, signal: r.signal, seconds }, null, 2) + '\n');
  }
}

console.log('\n=== bench summary');
for (const s of summary) console.log(`${s.ok ? 'ok    ' : 'FAILED'} ${s.name} (${s.seconds} s) → bench/results/${s.name}.json`);
process.exit(summary.every((s) => s.ok) ? 0 : 1);
