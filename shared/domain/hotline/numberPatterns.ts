/** The tail-pattern vocabulary that vanity grades (靓号) are built on. */
export const NUMBER_PATTERNS = ['AAAA', 'AAA', 'ABCD', 'DCBA', 'AABB', 'ABAB', 'no4'] as const;
export type NumberPattern = (typeof NUMBER_PATTERNS)[number];

export const NUMBER_PATTERN_LABELS: Readonly<Record<NumberPattern, string>> = {
  AAAA: '尾号四连（AAAA）',
  AAA: '尾号三连（AAA）',
  ABCD: '尾号顺子（ABCD，如 1234）',
  DCBA: '尾号倒顺（DCBA，如 4321）',
  AABB: '尾号 AABB',
  ABAB: '尾号 ABAB',
  no4: '不含 4',
};

function stepsBy(tail: string, step: number): boolean {
  for (let i = 1; i < tail.length; i++) {
    if (tail.charCodeAt(i) - tail.charCodeAt(i - 1) !== step) return false;
  }
  return true;
}

/**
 * Every pattern from the vocabulary that holds for a 400 number, in vocabulary order.
 * AAAA/AAA look at the last four/three digits; ABCD/DCBA at the last four ascending/descending
 * by one; AABB and ABAB at the last four with A ≠ B; no4 at the digits after the leading 400.
 * Separators (spaces, hyphens) are ignored; anything that is not a 10-digit number yields [].
 */
export function numberPatterns(digits: string): NumberPattern[] {
  const d = digits.replace(/[ -]/g, '');
  if (!/^\d{10}$/.test(d)) return [];
  const tail = d.slice(6);
  const [a, b, c, e] = [tail.charAt(0), tail.charAt(1), tail.charAt(2), tail.charAt(3)];
  const found: NumberPattern[] = [];
  if (a === b && b === c && c === e) found.push('AAAA');
  if (b === c && c === e) found.push('AAA');
  if (stepsBy(tail, 1)) found.push('ABCD');
  if (stepsBy(tail, -1)) found.push('DCBA');
  if (a === b && c === e && a !== c) found.push('AABB');
  if (a === c && b === e && a !== b) found.push('ABAB');
  if (!d.slice(3).includes('4')) found.push('no4');
  return found;
}
