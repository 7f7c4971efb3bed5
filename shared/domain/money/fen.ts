/** Throws RangeError unless value is a safe integer amount of fen (optionally ≥ 0). */
export function assertFen(value: number, name: string, options: { nonNegative?: boolean } = {}): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer number of fen, got ${value}`);
  if (options.nonNegative && value < 0) throw new RangeError(`${name} must not be negative, got ${value}`);
}

/** Whether value is a safe, non-negative integer amount of fen. */
export function isFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
