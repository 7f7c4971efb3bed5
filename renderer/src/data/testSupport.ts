import type { Role } from './rows';
import { setCurrentUser } from './session';
import { listUsers } from './users';

// Helpers for the repository unit tests (not shipped to a screen): acting as a role and
// catching the refusal a repository throws.

/** Makes the default profile of `role` the current user. */
export async function actAs(role: Role): Promise<void> {
  const user = (await listUsers()).find((u) => u.role === role);
  if (!user) throw new Error(`no default ${role} profile: call ensureDefaultUsers() first`);
  await setCurrentUser(user.id);
}

/** The error `p` rejects with; fails the test when it resolves. */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}
