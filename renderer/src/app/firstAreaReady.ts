import { useEffect, useState } from 'react';

/**
 * When the shell may start fetching the other areas' code.
 *
 * Preloading every area (so each opens offline) costs seconds of script parsing on a busy
 * machine. Started together with the first area it delayed the first customer list at office
 * scale (bench/numbers-idb.ts), so it waits until the area on screen shows its data: an area that
 * loads data says so with useFirstAreaReady(loaded); any other area counts as ready once its code
 * has rendered (AreaRoute). Only the first signal matters.
 */
let markReady!: () => void;
const ready = new Promise<void>((resolve) => {
  markReady = resolve;
});

export function signalFirstAreaReady(): void {
  markReady();
}

/** Resolves at the first area's signal, or after `maxWaitMs` whatever happens (nothing waits for ever). */
export function whenFirstAreaReady(maxWaitMs = 5000): Promise<void> {
  return Promise.race([ready, new Promise<void>((resolve) => setTimeout(resolve, maxWaitMs))]);
}

/** Called by an area's first page with whether its first data is on screen. */
export function useFirstAreaReady(loaded: boolean): void {
  useEffect(() => {
    if (loaded) signalFirstAreaReady();
  }, [loaded]);
}

/** False until the first area is ready (or `maxWaitMs` passed): for the shell's own less urgent reads. */
export function useAfterFirstAreaReady(maxWaitMs = 5000): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    let live = true;
    void whenFirstAreaReady(maxWaitMs).then(() => live && setAfter(true));
    return () => {
      live = false;
    };
  }, [maxWaitMs]);
  return after;
}
