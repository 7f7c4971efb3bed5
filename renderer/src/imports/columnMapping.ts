/**
 * Which source column feeds which field. The import dialog proposes a mapping from the headers
 * and lets the person correct it before anything is validated.
 */
export interface ImportField {
  key: string;
  required: boolean;
  /** Header texts (lower case, no spaces) that suggest this field. */
  synonyms: string[];
}

export type ColumnMapping = Record<string, number | null>;

const normalise = (s: string) => s.toLowerCase().replace(/[\s_\-:：()（）]/g, '');

export function guessMapping(headers: string[], fields: ImportField[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const field of fields) {
    const idx = headers.findIndex((h, i) => !taken.has(i) && field.synonyms.some((s) => normalise(h).includes(normalise(s))));
    mapping[field.key] = idx >= 0 ? idx : null;
    if (idx >= 0) taken.add(idx);
  }
  // A file with one column and no recognisable header: that column is the required field.
  const firstRequired = fields.find((f) => f.required);
  if (firstRequired && mapping[firstRequired.key] === null && headers.length === 1) mapping[firstRequired.key] = 0;
  return mapping;
}

/** Fields that must be mapped but are not — the dialog names them before letting the import run. */
export function missingRequired(mapping: ColumnMapping, fields: ImportField[]): string[] {
  return fields.filter((f) => f.required && (mapping[f.key] === null || mapping[f.key] === undefined)).map((f) => f.key);
}

export function cellOf(cells: string[], mapping: ColumnMapping, key: string): string {
  const idx = mapping[key];
  return idx === null || idx === undefined ? '' : (cells[idx] ?? '').trim();
}
