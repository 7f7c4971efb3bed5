// The contract document model: what a printed contract says and how it is laid out, independent
// of the output format. The Word writer (docx/) and the HTML preview (html.ts) both render this
// model and nothing else, so the preview and the .docx always carry the same words.

/** One piece of inline text. */
export type ContractRun =
  /** Fixed text of the template. */
  | { kind: 'text'; text: string; bold?: boolean }
  /** A blank of the seed filled from the records: printed underlined, like a filled-in blank. */
  | { kind: 'field'; field: string; text: string }
  /**
   * A blank of the seed with no value: printed as a line of underscores for handwriting.
   * `width` is the length of the line in underscores (two per Chinese character of room).
   */
  | { kind: 'blank'; field: string; width: number };

export type ContractAlign = 'left' | 'center' | 'right' | 'justify';

export type ContractBlock =
  /** The document title (黑体, large, centred). */
  | { kind: 'title'; text: string }
  /** A small centred or right-aligned line above or below the title (motto, 编号). */
  | { kind: 'line'; runs: ContractRun[]; align: ContractAlign; size?: 'small' | 'normal' }
  /**
   * A clause heading such as 第一条：400电话服务范围 (level 1, 黑体) or 3.1 甲方权利和义务 (level 2).
   * `number` is structural (e.g. "第一条"); the runs carry the heading's words exactly as the seed
   * prints them, number included.
   */
  | { kind: 'heading'; number: string; level: 1 | 2; runs: ContractRun[] }
  /**
   * A clause paragraph. `number` is printed first exactly as in the seed (e.g. "3.1.1", "（一）",
   * "1、"); `level` is the indentation depth in Chinese characters of 2 (0 = flush left, the
   * first line then indented by two characters as Chinese contracts are written).
   */
  | { kind: 'clause'; number?: string; runs: ContractRun[]; level: number; firstLineIndent: boolean }
  /** A form laid out as a bordered table (annexes: 受理单, 登记单, 业务需求单, 竣工单). */
  | { kind: 'table'; columns: number[]; rows: ContractTableCell[][] }
  /** Two parties side by side (signature and seal block): one line of runs per row. */
  | { kind: 'signatures'; left: ContractRun[][]; right: ContractRun[][] }
  /** Empty vertical space of about one line. */
  | { kind: 'spacer' }
  /** Start the next block on a new page (annexes). */
  | { kind: 'pageBreak' };

export interface ContractTableCell {
  /** The cell's lines (one paragraph each). */
  paragraphs: ContractRun[][];
  /** Number of grid columns this cell covers (default 1). */
  span?: number;
  /** A label cell (bold, shaded lightly). */
  label?: boolean;
  align?: ContractAlign;
  /** Minimum height in lines (for cells meant for handwriting or seals). */
  minLines?: number;
}

export interface ContractDocument {
  templateId: string;
  templateVersion: number;
  /** The document title, also used as the file's title property. */
  title: string;
  /** Printed in the page header of every page, e.g. "合同编号：ZZQF-2026-000123". */
  headerText: string;
  blocks: ContractBlock[];
}

/** The plain words of a run list (fields filled, blanks as their underscores). */
export function runsText(runs: readonly ContractRun[]): string {
  let s = '';
  for (const r of runs) s += r.kind === 'blank' ? '_'.repeat(r.width) : r.text;
  return s;
}

// Short names for code inside shared/ that imports this module directly (e.g. billing
// statements built on the same model). shared/index exports only the Contract* names, so
// generic names like Block or Run never collide with another area's public names.
export type Run = ContractRun;
export type Block = ContractBlock;
export type TableCell = ContractTableCell;
export type Align = ContractAlign;
