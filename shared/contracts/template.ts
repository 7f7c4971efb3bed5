// Templates are data: the seed's words, clause by clause, with `{field}` marks where the seed has
// a blank. This file defines that data's shape and turns a template plus its field values into
// the document model. The template text is parsed once per template and cached.
import type { z } from 'zod';
import type { ContractAlign, ContractBlock, ContractDocument, ContractRun, ContractTableCell } from './model';

/**
 * Inline text with field marks:
 * - `{name}` / `{name:20}` — a blank of the seed; filled → underlined value, empty → a line of
 *   20 underscores (default 12) for handwriting;
 * - `{=name}` — text computed by the template (check marks ☑/☐, a date's parts) inserted as it is.
 */
export type Inline = string;

export type CellSpec = Inline | { text: Inline; span?: number; label?: boolean; align?: ContractAlign; minLines?: number };

export type TemplateBlock =
  | { title: string }
  | { line: Inline; align: ContractAlign; size?: 'small' | 'normal' }
  | { heading: Inline; number: string; level?: 1 | 2 }
  | { clause: Inline; number?: string; level?: number; noIndent?: boolean }
  | { table: CellSpec[][]; columns: number[] }
  | { signatures: { left: Inline[]; right: Inline[] } }
  | { spacer: true }
  | { pageBreak: true };

/** A field's value: text, nothing (→ a blank line), or ready-made runs (dates, check marks). */
export type FieldValue = string | undefined | null | readonly ContractRun[];
export type FieldValues = Readonly<Record<string, FieldValue>>;

export interface ContractTemplate<S extends z.ZodType = z.ZodType> {
  id: string;
  /** Bumped whenever the words or layout change; a signed snapshot keeps the version it was printed with. */
  version: number;
  title: string;
  /** zh-CN one-line description for the README and the app's template picker. */
  description: string;
  /** The input schema the app and the command line validate with. */
  schema: S;
  blocks: readonly TemplateBlock[];
  /** The values of every `{field}` of the blocks, computed from validated input. */
  fields(data: z.output<S>): FieldValues;
  headerText(data: z.output<S>): string;
}

type Part = { text: string } | { field: string; width: number; plain: boolean };

const MARK = /\{(=?)([A-Za-z][A-Za-z0-9_.]*)(?::(\d+))?\}/g;
const DEFAULT_BLANK = 12;

function parseInline(s: Inline): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of s.matchAll(MARK)) {
    if (m.index > last) parts.push({ text: s.slice(last, m.index) });
    parts.push({ field: m[2]!, width: m[3] ? Number(m[3]) : DEFAULT_BLANK, plain: m[1] === '=' });
    last = m.index + m[0].length;
  }
  if (last < s.length) parts.push({ text: s.slice(last) });
  return parts;
}

const parsed = new Map<Inline, Part[]>();
function partsOf(s: Inline): Part[] {
  let p = parsed.get(s);
  if (!p) {
    p = parseInline(s);
    parsed.set(s, p);
  }
  return p;
}

export class MissingFieldError extends Error {
  constructor(templateId: string, field: string) {
    super(`模板 ${templateId} 引用了未定义的字段 ${field}`);
    this.name = 'MissingFieldError';
  }
}

function fill(templateId: string, s: Inline, values: FieldValues, bold = false): ContractRun[] {
  const runs: ContractRun[] = [];
  for (const p of partsOf(s)) {
    if ('text' in p) {
      runs.push(bold ? { kind: 'text', text: p.text, bold } : { kind: 'text', text: p.text });
      continue;
    }
    if (!(p.field in values)) throw new MissingFieldError(templateId, p.field);
    const v = values[p.field];
    if (typeof v === 'string' && v.trim() !== '') {
      runs.push(p.plain ? { kind: 'text', text: v } : { kind: 'field', field: p.field, text: v });
    } else if (Array.isArray(v)) {
      runs.push(...(v as readonly ContractRun[]));
    } else {
      runs.push({ kind: 'blank', field: p.field, width: p.width });
    }
  }
  return runs;
}

function cell(templateId: string, c: CellSpec, values: FieldValues): ContractTableCell {
  const lines = (s: Inline, bold?: boolean) => s.split('\n').map((l) => fill(templateId, l, values, bold));
  if (typeof c === 'string') return { paragraphs: lines(c) };
  const out: ContractTableCell = { paragraphs: lines(c.text, c.label) };
  if (c.span !== undefined) out.span = c.span;
  if (c.label) out.label = true;
  if (c.align) out.align = c.align;
  if (c.minLines !== undefined) out.minLines = c.minLines;
  return out;
}

/** The document model of a template filled with field values (pure). */
export function fillTemplate(
  t: Pick<ContractTemplate, 'id' | 'version' | 'title' | 'blocks'>,
  values: FieldValues,
  headerText: string,
): ContractDocument {
  const blocks: ContractBlock[] = t.blocks.map((b): ContractBlock => {
    if ('title' in b) return { kind: 'title', text: b.title };
    if ('line' in b) return { kind: 'line', runs: fill(t.id, b.line, values), align: b.align, ...(b.size ? { size: b.size } : {}) };
    if ('heading' in b) return { kind: 'heading', number: b.number, level: b.level ?? 1, runs: fill(t.id, b.heading, values) };
    if ('clause' in b) {
      return {
        kind: 'clause',
        ...(b.number !== undefined ? { number: b.number } : {}),
        runs: fill(t.id, b.clause, values),
        level: b.level ?? 0,
        firstLineIndent: !b.noIndent,
      };
    }
    if ('table' in b) return { kind: 'table', columns: b.columns, rows: b.table.map((row) => row.map((c) => cell(t.id, c, values))) };
    if ('signatures' in b) {
      return {
        kind: 'signatures',
        left: b.signatures.left.map((l) => fill(t.id, l, values)),
        right: b.signatures.right.map((l) => fill(t.id, l, values)),
      };
    }
    if ('spacer' in b) return { kind: 'spacer' };
    return { kind: 'pageBreak' };
  });
  return { templateId: t.id, templateVersion: t.version, title: t.title, headerText, blocks };
}

/** Every field a template's text refers to (for tests and documentation). */
export function templateFieldNames(t: Pick<ContractTemplate, 'blocks'>): string[] {
  const names = new Set<string>();
  const add = (s: Inline) => {
    for (const p of partsOf(s)) if ('field' in p) names.add(p.field);
  };
  for (const b of t.blocks) {
    if ('line' in b) add(b.line);
    else if ('heading' in b) add(b.heading);
    else if ('clause' in b) add(b.clause);
    else if ('table' in b) b.table.flat().forEach((c) => add(typeof c === 'string' ? c : c.text));
    else if ('signatures' in b) [...b.signatures.left, ...b.signatures.right].forEach(add);
  }
  return [...names];
}
