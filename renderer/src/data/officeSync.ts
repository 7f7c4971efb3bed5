import type { Change } from '../../../shared/sync/index';
import { applyServerGradeTable } from './gradeRules';
import { applyServerProfile } from './officeProfile';

export { officeMetaKey } from './officeProfile';

/**
 * The office's own data pulled from the server (entity 'office'): the generic apply keeps each as a
 * `rec:office:<id>` meta record; this puts the profile and the grade table where the app reads
 * them. The settings are read straight from their meta record (numbers.ts officeSettings()).
 * A tombstone (a reconcile that found nothing on the server: offices never delete these) leaves
 * the local copy as it is.
 */

/** Call inside a transaction over syncedTables() + meta, with the changes of one page (others are ignored). */
export async function applyOfficeChanges(changes: Iterable<Change>): Promise<void> {
  for (const c of changes) {
    if (c.entity !== 'office' || c.deleted || !c.data) continue;
    if (c.id === 'profile') await applyServerProfile(c.data);
    else if (c.id === 'gradeRules') await applyServerGradeTable(c.data, c.version);
  }
}
