import type { NumberPattern } from './numberPatterns';
import { numberPatterns } from './numberPatterns';

/**
 * What gradeNumber needs of a grade rule. The office keeps its rules as data (GradeRule in
 * schemas/), a manager edits them; these fields are the part that decides and prices a grade.
 * - patterns + match: 'all' needs every listed pattern, 'any' needs one; an empty list matches
 *   every number (the catch-all 普通号 rule at the end).
 * - priceFen: the one-off selection price of the number (选号费), integer fen.
 * - minimumMonthlyFen: the monthly minimum (月最低消费) a number of this grade requires.
 * - requiredPackageId: a package the customer must take with this grade, or null.
 */
export type GradeRuleSpec = {
  name: string;
  patterns: readonly NumberPattern[];
  match: 'all' | 'any';
  priceFen: number;
  minimumMonthlyFen: number;
  requiredPackageId: string | null;
};

function matches(rule: GradeRuleSpec, held: ReadonlySet<NumberPattern>): boolean {
  if (rule.patterns.length === 0) return true;
  return rule.match === 'all' ? rule.patterns.every((p) => held.has(p)) : rule.patterns.some((p) => held.has(p));
}

/**
 * The first rule (in the given order: sort stored rules by sortOrder first) that the number
 * satisfies, or null. First match wins; a rule with `active: false` is skipped.
 */
export function gradeNumber<R extends GradeRuleSpec>(digits: string, rules: readonly R[]): R | null {
  const held = new Set(numberPatterns(digits));
  for (const rule of rules) {
    if ((rule as { active?: boolean }).active === false) continue;
    if (matches(rule, held)) return rule;
  }
  return null;
}

/**
 * Shipped defaults, most valuable first. Prices are a starting point for an office to edit,
 * in the range resellers advertise; none of them comes from the contracts.
 */
export const DEFAULT_GRADE_RULES: readonly GradeRuleSpec[] = Object.freeze([
  { name: '四连号', patterns: ['AAAA'], match: 'all', priceFen: 800_000, minimumMonthlyFen: 50_000, requiredPackageId: null },
  { name: '顺子号', patterns: ['ABCD', 'DCBA'], match: 'any', priceFen: 300_000, minimumMonthlyFen: 30_000, requiredPackageId: null },
  { name: 'AABB 号', patterns: ['AABB'], match: 'all', priceFen: 200_000, minimumMonthlyFen: 20_000, requiredPackageId: null },
  { name: 'ABAB 号', patterns: ['ABAB'], match: 'all', priceFen: 150_000, minimumMonthlyFen: 20_000, requiredPackageId: null },
  { name: '三连号', patterns: ['AAA'], match: 'all', priceFen: 100_000, minimumMonthlyFen: 10_000, requiredPackageId: null },
  { name: '无四号', patterns: ['no4'], match: 'all', priceFen: 30_000, minimumMonthlyFen: 5_000, requiredPackageId: null },
  { name: '普通号', patterns: [], match: 'all', priceFen: 0, minimumMonthlyFen: 0, requiredPackageId: null },
] satisfies GradeRuleSpec[]);
