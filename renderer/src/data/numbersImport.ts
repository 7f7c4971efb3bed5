import type { ColumnMapping, ImportField, SourceTable } from '../imports';
import { cellOf } from '../imports';
import type { CandidateNumber } from './numbers';

/** The fields a numbers file maps to: only the number itself is needed; the rest is ignored. */
export const NUMBER_IMPORT_FIELDS: ImportField[] = [
  { key: 'number', required: true, synonyms: ['号码', '400', 'number', 'hotline', '电话'] },
];

/** The mapped number cell of every data row, keeping the file's row numbers for error messages. */
export function candidatesFromTable(table: SourceTable, mapping: ColumnMapping): CandidateNumber[] {
  return table.rows.map((r) => ({ rowNumber: r.rowNumber, value: cellOf(r.cells, mapping, 'number') }));
}
