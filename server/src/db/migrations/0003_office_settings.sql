-- The office's own data (issue 6): what it changed of the shared OfficeSettings (cooling period,
-- reservation days, time zone …; defaults in shared/domain/settings/officeSettings.ts), its
-- profile (printed on contracts) and its vanity-grade table. Written only by the office.update and
-- gradeRules.replace commands, which mirror each into the change log (entity 'office') so every
-- device of the office pulls them. Handlers read the settings from here (server/src/sync/officeSettings.ts).
CREATE TABLE office_settings (
  office_id uuid PRIMARY KEY REFERENCES offices (id),
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  profile jsonb,
  grade_rules jsonb,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);
