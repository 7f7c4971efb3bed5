// Block XML compiled once per shape. A block's XML depends on its layout and fixed words, and on
// its field values only through the text of their runs. So each block is turned into its
// "shape" (every field's text replaced by a numbered slot), docx serialises the shape once, and
// each contract only writes its (escaped) field texts into the slots — what docxtemplater does
// with a hand-made template, but with XML that docx itself produced from the model.
import type { ContractBlock, ContractRun } from '../model';
import { escapeXml } from './xml';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const SLOTS = /\uE000(\d+)\uE001/;
/** Private-use characters that would be taken for slots are dropped from field texts. */
const RESERVED = /[\uE000\uE001]/g;
/** Enough for every shape of every template; cleared if record data ever produced more. */
const MAX_SHAPES = 5000;

export const slot = (n: number) => `${OPEN}${n}${CLOSE}`;

/** The block with each field's text replaced by a slot, and the texts in slot order. */
export function shapeOf(b: ContractBlock): { shape: ContractBlock; values: string[] } {
  const values: string[] = [];
  const runs = (rs: ContractRun[]): ContractRun[] =>
    rs.map((r) => (r.kind === 'field' ? { ...r, text: slot(values.push(r.text.replace(RESERVED, '')) - 1) } : r));
  switch (b.kind) {
    case 'line':
    case 'heading':
    case 'clause':
      return { shape: { ...b, runs: runs(b.runs) }, values };
    case 'table':
      return { shape: { ...b, rows: b.rows.map((row) => row.map((c) => ({ ...c, paragraphs: c.paragraphs.map(runs) }))) }, values };
    case 'signatures':
      return { shape: { ...b, left: b.left.map(runs), right: b.right.map(runs) }, values };
    default:
      return { shape: b, values };
  }
}

/** XML split at its slots: even items are literal XML, odd items slot numbers. */
export type CompiledXml = readonly string[];

export function compileXml(xml: string): CompiledXml {
  return xml.split(SLOTS);
}

export function fillXml(compiled: CompiledXml, values: readonly string[]): string {
  let out = compiled[0]!;
  for (let i = 1; i < compiled.length; i += 2) out += escapeXml(values[Number(compiled[i])] ?? '') + compiled[i + 1]!;
  return out;
}

export class ShapeCache {
  private readonly map = new Map<string, CompiledXml>();
  get(key: string, compile: () => string): CompiledXml {
    let c = this.map.get(key);
    if (!c) {
      if (this.map.size >= MAX_SHAPES) this.map.clear();
      c = compileXml(compile());
      this.map.set(key, c);
    }
    return c;
  }
}
