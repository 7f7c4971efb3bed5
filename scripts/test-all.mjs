// `npm test`: lint, type-check, unit tests (vitest), renderer build, end-to-end tests (Playwright).
// Every stage runs even when an earlier one fails, so one run shows everything that is wrong.
// CI reads only the last line, `N passed, N failed, N skipped`, so it is printed from the
// runners' JSON reports (vitest's and Playwright's own summaries are not read by CI).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const OUT = '.test-output';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

const bin = (name) => `node_modules/.bin/${name}`;

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function gate(label, ok) {
  if (ok) totals.passed += 1;
  else { totals.failed += 1; failures.push(label); }
}

const only = process.argv.slice(2);
const want = (stage) => only.length === 0 || only.includes(stage);

if (want('lint')) gate('lint', run('lint', bin('eslint'), ['.', '--max-warnings=0']));
if (want('typecheck')) gate('typecheck', run('typecheck', bin('tsc'), ['-b']));

if (want('unit')) {
  const file = `${OUT}/vitest.json`;
  const ok = run('unit tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    // A test file that fails to load has no failed test in it, but it is a failure.
    const brokenFiles = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
    if (brokenFiles) { totals.failed += brokenFiles; failures.push(`${brokenFiles} unit test file(s) failed to load`); }
    if (!ok && r.numFailedTests === 0 && !brokenFiles) { totals.failed += 1; failures.push('vitest exited non-zero'); }
  } else { totals.failed += 1; failures.push('vitest produced no report'); }
}

if (want('e2e')) {
  const built = run('build renderer', bin('vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
  gate('renderer build', built);
  if (built) {
    const file = `${OUT}/playwright.json`;
    const ok = run('end-to-end tests', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
    if (existsSync(file)) {
      const s = JSON.parse(readFileSync(file, 'utf8')).stats;
      totals.passed += s.expected + s.flaky;
      totals.failed += s.unexpected;
      totals.skipped += s.skipped;
      if (!ok && s.unexpected === 0) { totals.failed += 1; failures.push('playwright exited non-zero'); }
    } else { totals.failed += 1; failures.push('playwright produced no report'); }
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
