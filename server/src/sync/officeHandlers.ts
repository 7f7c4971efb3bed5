import { randomUUID } from 'node:crypto';
import { gradeRuleDraftSchema } from '../../../shared/domain/index';
import { checkOfficeProfile, checkOfficeSettingsPatch } from '../../../shared/domain/settings/officeProfile';
import { RecordIdSchema, type MutationArgs, type RecordData } from '../../../shared/sync/index';
import { reject, type HandlerOutcome, type MutationContext } from './context';
import { forgetOfficeSettings } from './officeSettings';

/**
 * The office's own data, kept per office in office_settings and mirrored into the change log as
 * entity 'office' (ids 'settings', 'profile', 'gradeRules') so every device of the office pulls it.
 * Both commands are managers' (MUTATION_ROLES) and are checked with the same shared schemas as the
 * renderer's forms; a bad value is refused naming the field (or the rule's row), nothing is saved.
 */

async function putOffice(ctx: MutationContext, id: 'settings' | 'profile' | 'gradeRules', body: RecordData): Promise<void> {
  const prev = await ctx.writer.read('office', id);
  const data: RecordData = { ...body, updatedAt: await ctx.now(), updatedBy: ctx.auth.userId };
  ctx.writer.put({ entity: 'office', id, data, deleted: false, changedFields: Object.keys(data), previousMeta: prev?.fieldMeta });
}

/** `office.update`: the whole profile and/or the settings the office changes (merged over what it changed before). */
export async function officeUpdate(ctx: MutationContext, a: MutationArgs<'office.update'>): Promise<HandlerOutcome> {
  let profile: RecordData | null = null;
  let patch: RecordData | null = null;
  if (a.profile !== undefined) {
    const p = checkOfficeProfile(a.profile);
    if (!p.ok) reject('INVALID_ARGS', { zh: p.zh, en: p.en, field: `profile.${p.field}` });
    profile = p.value;
  }
  if (a.settings !== undefined) {
    const s = checkOfficeSettingsPatch(a.settings);
    if (!s.ok) reject('INVALID_ARGS', { zh: s.zh, en: s.en, field: `settings.${s.field}` });
    patch = s.value;
  }
  const r = await ctx.tx.query<{ settings: RecordData; profile: RecordData | null }>(
    `INSERT INTO office_settings (office_id, settings, profile, updated_by) VALUES ($1, COALESCE($2::jsonb, '{}'::jsonb), $3::jsonb, $4)
     ON CONFLICT (office_id) DO UPDATE SET
       settings = office_settings.settings || COALESCE($2::jsonb, '{}'::jsonb),
       profile = COALESCE($3::jsonb, office_settings.profile),
       updated_by = $4, updated_at = now()
     RETURNING settings, profile`,
    [ctx.officeId, patch ? JSON.stringify(patch) : null, profile ? JSON.stringify(profile) : null, ctx.auth.userId],
  );
  forgetOfficeSettings(ctx);
  const row = r.rows[0]!;
  if (patch) await putOffice(ctx, 'settings', row.settings);
  if (profile) await putOffice(ctx, 'profile', row.profile ?? profile);
  return { result: { settings: patch ? row.settings : undefined, profile: profile ? row.profile : undefined } };
}

/** `gradeRules.replace`: the office's vanity-grade table as a whole, in the order it applies (first match wins). */
export async function gradeRulesReplace(ctx: MutationContext, a: MutationArgs<'gradeRules.replace'>): Promise<HandlerOutcome> {
  const rules: RecordData[] = [];
  const names = new Map<string, number>();
  for (const [i, raw] of a.rules.entries()) {
    const r = gradeRuleDraftSchema.safeParse({ ...raw, sortOrder: i, active: true });
    const row = `第 ${i + 1} 条等级`;
    if (!r.success) reject('INVALID_ARGS', { zh: `${row}：${r.error.issues.map((x) => x.message).join('；')}`, en: `grade rule ${i + 1}: ${r.error.issues[0]?.path.join('.') || 'invalid'}`, field: `rules.${i}` });
    const prev = names.get(r.data.name);
    if (prev !== undefined) reject('INVALID_ARGS', { zh: `${row}：名称“${r.data.name}”与第 ${prev + 1} 条重复`, en: `grade rule ${i + 1}: the name repeats rule ${prev + 1}`, field: `rules.${i}` });
    names.set(r.data.name, i);
    // the device's ids are kept (numbers carry their grade's id); a rule without one gets a new id
    const id = RecordIdSchema.safeParse(raw.id);
    rules.push({ id: id.success ? id.data : randomUUID(), ...r.data });
  }
  await ctx.tx.query(
    `INSERT INTO office_settings (office_id, grade_rules, updated_by) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (office_id) DO UPDATE SET grade_rules = EXCLUDED.grade_rules, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [ctx.officeId, JSON.stringify(rules), ctx.auth.userId],
  );
  await putOffice(ctx, 'gradeRules', { rules });
  return { result: { rules: rules.length } };
}
