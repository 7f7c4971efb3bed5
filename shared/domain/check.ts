/**
 * The result of every domain check. `reason` is a zh-CN sentence a clerk can act on,
 * so forms and imports show it as is.
 */
export type Check = { ok: true } | { ok: false; reason: string };

const PASSED: Check = Object.freeze({ ok: true as const });

export function pass(): Check {
  return PASSED;
}

export function fail(reason: string): Check {
  return { ok: false, reason };
}
