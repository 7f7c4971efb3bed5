import { installTestClock, onClockChange, testHooksEnabled } from './clock';
import { ensureDefaultGradeRules } from './gradeRules';
import { startReservationSweeper } from './numbers';

/**
 * What the number pool needs running while the app is open: the shipped grade table on a fresh
 * store, and the sweeper that releases reservations whose hold has run out (at start, every
 * minute, and at once whenever the test clock is moved). Test/bench hooks only when a harness
 * set window.__HOTLINE_TEST_HOOKS__ before the app started.
 */
export function startNumbersBackground(): () => void {
  installTestClock();
  void ensureDefaultGradeRules().catch((e: unknown) => console.error('grade rules', e));
  if (testHooksEnabled()) void import('./numbersBench').then((m) => m.installBenchHooks());
  return startReservationSweeper(undefined, 60_000, (fn) => onClockChange(() => fn()));
}
