// The contract document model: what a printed contract says and how it is laid out, independent
// of the output format. The Word writer (docx/) and the HTML preview (html.ts) both render this
// model and nothing else, so the preview and the .docx always carry the same words.

/** One piece of inline text. */
export type Run =
  /** Fixed text of the template. */
  | { kind: 'text'; text: string; bold?: boolean }
  /** A blank of the seed filled from the records: printed underlined, like a filled-in blank. */
  | { kind: 'field'; field: string; text: string }
  /**
   * A blank of the seed with no value: printed as a line of underscores for handwriting.
   * `width` is the length of the line in underscores (two per Chinese character of room).
   */
  | { kind: 'blank'; field: string; width: number };

export type Align = 'left' | 'center' | 'right' | 'justify';

export type Block =
  /** The document title (黑体, large, centred). */
  | { kind: 'title'; text: string }
  /** A small centred or right-aligned line above or below the title (motto, 编号). */
  | { kind: 'line'; runs: Run[]; align: Align; size?: 'small' | 'normal' }
  /**
   * A clause heading such as 第一条：400电话服务范围 (level 1, 黑体) or 3.1 甲方权利和义务 (level 2).
   * `number` is structural (e.g. "第一条"); the runs carry the heading's words exactly as the seed
   * prints them, number included.
   */
  | { kind: 'heading'; number: string; level: 1 | 2; runs: Run[] }
  /**
   * A clause paragraph. `number` is printed first exactly as in the seed (e.g. "3.1.1", "（一）",
   * "1、"); `level` is the indentation depth in Chinese characters of 2 (0 = flush left, the
   * first line then indented by two characters as Chinese contracts are written).
   */
  | { kind: 'clause'; number?: string; runs: Run[]; level: number; firstLineIndent: boolean }
  /** A form laid out as a bordered table (annexes: 受理单, 登记单, 业务需求单, 竣工单). */
  | { kind: 'table'; columns: number[]; rows: TableCell[][] }
  /** Two parties side by side (signature and seal block): one line of runs per row. */
  | { kind: 'signatures'; left: Run[][]; right: Run[][] }
  /** Empty vertical space of about one line. */
  | { kind: 'spacer' }
  /** Start the next block on a new page (annexes). */
  | { kind: 'pageBreak' };

export interface TableCell {
  /** The cell's lines (one paragraph each). */
  paragraphs: Run[][];
  /** Number of grid columns this cell covers (default 1). */
  span?: number;
  /** A label cell (bold, shaded lightly). */
  label?: boolean;
  align?: Align;
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
  blocks: Block[];
}

/** The plain words of a run list (fields filled, blanks as their underscores). */
export function runsText(runs: readonly Run[]): string {
  let s = '';
  for (const r of runs) s += r.kind === 'blank' ? '_'.repeat(r.width) : r.text;
  return s;
}
