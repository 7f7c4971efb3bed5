/**
 * For lists and printouts that need not show a whole ID number: the first 4 and last 4
 * characters stay, the rest become '*': '410105199003071234' → '4101**********1234'.
 * Strings of 8 characters or fewer are masked entirely (showing 4+4 would show everything).
 */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 8) return '*'.repeat(s.length);
  return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
}
