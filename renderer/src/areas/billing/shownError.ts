import { ValidationError } from '../../data/errors';
import { errorFields, errorText } from '../../i18n/errors';

/**
 * What a billing form shows for what a repository threw, in the UI's current language: each
 * field's message beside its field, anything else as one failure line. The forms keep the thrown
 * error and call this while rendering, so switching the language re-words a shown refusal too.
 */
export function shownError(e: unknown): { fields: Record<string, string>; failure: string | null } {
  if (e === null || e === undefined) return { fields: {}, failure: null };
  if (e instanceof ValidationError) return { fields: errorFields(e), failure: null };
  return { fields: {}, failure: errorText(e) };
}
