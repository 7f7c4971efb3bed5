export type ElectronProbe = { ok: true; path: string; version: string } | { ok: false; reason: string };
export function findElectron(): ElectronProbe;
export function displayProblem(env?: Record<string, string | undefined>, platform?: string): string | null;
