// The document model's blocks as docx elements (paragraphs and tables).
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
} from 'docx';
import type { ContractBlock, ContractRun, ContractTableCell as ModelCell } from '../model';
import { CHAR, STYLE, TEXT_WIDTH } from './layout';

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

export function textRuns(runs: readonly ContractRun[], opts: { size?: number; bold?: boolean } = {}): TextRun[] {
  return runs.map((r) => {
    const base = { ...(opts.size ? { size: opts.size } : {}), ...(opts.bold || (r.kind === 'text' && r.bold) ? { bold: true } : {}) };
    if (r.kind === 'text') return new TextRun({ text: r.text, ...base });
    // A filled blank is underlined, as a value written on the seed's line.
    if (r.kind === 'field') return new TextRun({ text: r.text, underline: {}, ...base });
    return new TextRun({ text: '_'.repeat(r.width), ...base });
  });
}

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = (b: IBorderOptions) => ({ top: b, bottom: b, left: b, right: b, insideHorizontal: b, insideVertical: b });

function formCell(c: ModelCell, columns: readonly number[], col: number): TableCell {
  const span = c.span ?? 1;
  const pct = columns.slice(col, col + span).reduce((a, b) => a + b, 0);
  return new TableCell({
    columnSpan: span > 1 ? span : undefined,
    width: { size: Math.round((TEXT_WIDTH * pct) / 100), type: WidthType.DXA },
    verticalAlign: c.minLines ? VerticalAlign.TOP : VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 100, right: 100 },
    ...(c.label ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } } : {}),
    children: c.paragraphs.map(
      (p) =>
        new Paragraph({
          style: STYLE.cell,
          alignment: c.align ? ALIGN[c.align] : c.label ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: textRuns(p, { bold: c.label }),
        }),
    ),
  });
}

function formTable(columns: readonly number[], rows: readonly ModelCell[][]): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map((p) => Math.round((TEXT_WIDTH * p) / 100)),
    borders: borders(LINE),
    rows: rows.map((row) => {
      let col = 0;
      const cells = row.map((c) => {
        const cell = formCell(c, columns, col);
        col += c.span ?? 1;
        return cell;
      });
      const minLines = Math.max(0, ...row.map((c) => c.minLines ?? 0));
      return new TableRow({
        cantSplit: true,
        ...(minLines ? { height: { value: minLines * 360 + 160, rule: HeightRule.ATLEAST } } : { height: { value: 520, rule: HeightRule.ATLEAST } }),
        children: cells,
      });
    }),
  });
}

function signatureTable(left: readonly ContractRun[][], right: readonly ContractRun[][]): Table {
  const half = Math.round(TEXT_WIDTH / 2);
  const column = (lines: readonly ContractRun[][]) =>
    new TableCell({
      width: { size: half, type: WidthType.DXA },
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
      children: lines.map((l) => new Paragraph({ style: STYLE.sign, children: textRuns(l) })),
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, TEXT_WIDTH - half],
    borders: borders(NONE),
    rows: [new TableRow({ cantSplit: true, children: [column(left), column(right)] })],
  });
}

/** One block as docx elements; `breakBefore` starts it on a new page. */
export function blockElements(b: ContractBlock, breakBefore: boolean): (Paragraph | Table)[] {
  const pb = breakBefore ? { pageBreakBefore: true } : {};
  switch (b.kind) {
    case 'title':
      return [new Paragraph({ style: STYLE.title, ...pb, children: [new TextRun(b.text)] })];
    case 'line':
      return [
        new Paragraph({
          style: STYLE.line,
          alignment: ALIGN[b.align],
          ...pb,
          children: textRuns(b.runs, b.size === 'small' ? { size: 21 } : {}),
        }),
      ];
    case 'heading':
      return [new Paragraph({ style: b.level === 1 ? STYLE.heading1 : STYLE.heading2, ...pb, children: textRuns(b.runs) })];
    case 'clause': {
      const left = b.level * 2 * CHAR;
      return [
        new Paragraph({
          style: STYLE.clause,
          ...pb,
          ...(left || b.firstLineIndent ? { indent: { ...(left ? { left } : {}), ...(b.firstLineIndent ? { firstLine: 2 * CHAR } : {}) } } : {}),
          children: textRuns(b.number ? [{ kind: 'text', text: b.number }, ...b.runs] : b.runs),
        }),
      ];
    }
    case 'table':
      return breakBefore ? [new Paragraph({ pageBreakBefore: true }), formTable(b.columns, b.rows)] : [formTable(b.columns, b.rows)];
    case 'signatures':
      return breakBefore ? [new Paragraph({ pageBreakBefore: true }), signatureTable(b.left, b.right)] : [signatureTable(b.left, b.right)];
    case 'spacer':
      return [new Paragraph({ ...pb })];
    case 'pageBreak':
      return [];
  }
}

