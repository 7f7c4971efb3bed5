import { billableMinutes } from '../domain/rules/billing';

/** A call as the rater sees it. */
export interface RatableCall {
  carrierRecordId: string;
  startAt: string;
  durationSeconds: number;
}

export interface RatedCall extends RatableCall {
  /** per started minute (DESIGN.md §5) */
  billableMinutes: number;
  /** minutes taken from the package's included minutes */
  includedMinutes: number;
  /** (billableMinutes − includedMinutes) × tariff */
  chargedFen: number;
}

export interface UsageRating {
  calls: RatedCall[];
  totalMinutes: number;
  includedUsed: number;
  chargedMinutes: number;
  usageFen: number;
}

/**
 * Rates one account's calls of one month: each call per started minute; the package's included
 * minutes are consumed first, in call order (start time, then carrier record id); the rest is
 * charged at the package tariff (integer fen per minute, so no rounding is needed).
 */
export function rateUsage(calls: readonly RatableCall[], includedMinutes: number, tariffFenPerMinute: number): UsageRating {
  if (!Number.isSafeInteger(includedMinutes) || includedMinutes < 0) throw new RangeError(`includedMinutes must be a non-negative integer, got ${includedMinutes}`);
  if (!Number.isSafeInteger(tariffFenPerMinute) || tariffFenPerMinute < 0) throw new RangeError(`tariffFenPerMinute must be a non-negative integer, got ${tariffFenPerMinute}`);
  const ordered = [...calls].sort((a, b) => (a.startAt < b.startAt ? -1 : a.startAt > b.startAt ? 1 : a.carrierRecordId < b.carrierRecordId ? -1 : a.carrierRecordId > b.carrierRecordId ? 1 : 0));
  let left = includedMinutes;
  let totalMinutes = 0;
  let chargedMinutes = 0;
  const rated = ordered.map((c) => {
    const m = billableMinutes(c.durationSeconds);
    const inc = Math.min(m, left);
    left -= inc;
    totalMinutes += m;
    chargedMinutes += m - inc;
    return { ...c, billableMinutes: m, includedMinutes: inc, chargedFen: (m - inc) * tariffFenPerMinute };
  });
  return { calls: rated, totalMinutes, includedUsed: includedMinutes - left, chargedMinutes, usageFen: chargedMinutes * tariffFenPerMinute };
}

/** The same totals from a month's minute count alone (the server aggregates in SQL). */
export function usageFromMinutes(totalMinutes: number, includedMinutes: number, tariffFenPerMinute: number): { includedUsed: number; chargedMinutes: number; usageFen: number } {
  const includedUsed = Math.min(totalMinutes, includedMinutes);
  const chargedMinutes = totalMinutes - includedUsed;
  return { includedUsed, chargedMinutes, usageFen: chargedMinutes * tariffFenPerMinute };
}
