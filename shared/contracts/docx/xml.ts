// Writes the XML of a docx element from its `prepForXml` object.
//
// Hand-written because docx keeps its own writer (stringifyXmlable) internal; this is the same
// format (the `xml` package's: `{ tag: [ { _attr: {...} }, child, ... ] }` or `{ tag: text }`),
// without indentation. It lets the fast path serialise only a contract's body per document
// instead of the whole package (see package.ts).
import type { IXmlableObject } from 'docx';

const ESC: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// eslint-disable-next-line no-control-regex
const ATTR = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
// The xml package escaped text content like attribute values; docx's output does the same.
export const escapeXml = (v: unknown): string => (typeof v === 'string' ? v.replace(ATTR, (c) => ESC[c] ?? '') : String(v));

function attrs(a: Record<string, unknown>): string {
  let s = '';
  for (const k in a) {
    const v = a[k];
    if (v !== undefined) s += ` ${k}="${escapeXml(v)}"`;
  }
  return s;
}

export function xmlOf(node: IXmlableObject | string | number | boolean | undefined): string {
  if (node === undefined) return '';
  if (typeof node !== 'object') return escapeXml(node);
  let name: string | undefined;
  for (const k in node) {
    name = k;
    break;
  }
  if (name === undefined) return '';
  const value = node[name];
  if (value === null || value === undefined) return `<${name}/>`;
  if (typeof value !== 'object') return `<${name}>${escapeXml(value)}</${name}>`;
  let attributes = '';
  let content = '';
  if (!Array.isArray(value)) {
    if (value._attr) attributes += attrs(value._attr);
    return content ? `<${name}${attributes}>${content}</${name}>` : `<${name}${attributes}/>`;
  }
  for (const child of value) {
    if (child !== null && typeof child === 'object') {
      if ('_attr' in child && Object.keys(child).length === 1) attributes += attrs(child._attr);
      else content += xmlOf(child);
    } else if (child !== undefined) content += escapeXml(child);
  }
  return content ? `<${name}${attributes}>${content}</${name}>` : `<${name}${attributes}/>`;
}
