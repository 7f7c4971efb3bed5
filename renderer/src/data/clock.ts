/**
 * The one clock the data layer reads. Repositories call `now()` / `nowIso()` instead of `new Date()`
 * so tests can move time: unit tests call `setClock` / `advanceClock`; end-to-end tests (which run
 * the production build) first set `window.__HOTLINE_TEST_HOOKS__ = true` in an init script, and only
 * then is `window.__hotlineTestClock` installed. Without that flag nothing is exposed, so the
 * production app always runs on the system clock.
 */

type Listener = (nowMs: number) => void;

let offsetMs = 0;
let fixedMs: number | null = null;
const listeners = new Set<Listener>();

/** Milliseconds since the epoch, as the data layer sees them. */
export function nowMs(): number {
  return fixedMs ?? Date.now() + offsetMs;
}

export function now(): Date {
  return new Date(nowMs());
}

/** The current moment as a UTC ISO string — the form every stored time takes. */
export function nowIso(): string {
  return now().toISOString();
}

function notify(): void {
  const t = nowMs();
  for (const l of listeners) l(t);
}

/** Freeze the clock at `at` (ISO string or epoch ms); `null` returns to the system clock. */
export function setClock(at: string | number | null): void {
  offsetMs = 0;
  fixedMs = at === null ? null : typeof at === 'number' ? at : Date.parse(at);
  if (fixedMs !== null && Number.isNaN(fixedMs)) throw new RangeError(`bad clock value: ${String(at)}`);
  notify();
}

/** Move the clock forward (or back, with a negative amount), frozen or running. */
export function advanceClock(ms: number): void {
  if (fixedMs !== null) fixedMs += ms;
  else offsetMs += ms;
  notify();
}

export function resetClock(): void {
  setClock(null);
}

/** Called whenever the clock is set or moved (not on every tick), e.g. to sweep expired holds at once. */
export function onClockChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface TestClockHandle {
  set(at: string | number | null): void;
  advance(ms: number): void;
  advanceDays(days: number): void;
  now(): string;
}

declare global {
  interface Window {
    __HOTLINE_TEST_HOOKS__?: boolean;
    __hotlineTestClock?: TestClockHandle;
  }
}

/** True only when a test harness asked for hooks before the app started. */
export function testHooksEnabled(): boolean {
  return typeof window !== 'undefined' && window.__HOTLINE_TEST_HOOKS__ === true;
}

/** Installs `window.__hotlineTestClock` when (and only when) test hooks are enabled. */
export function installTestClock(): void {
  if (!testHooksEnabled()) return;
  window.__hotlineTestClock = {
    set: setClock,
    advance: advanceClock,
    advanceDays: (days) => advanceClock(days * 86_400_000),
    now: nowIso,
  };
}
