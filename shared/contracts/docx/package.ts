// The contract document model as a Word (.docx) file, built with the `docx` library.
//
// Why not simply `Packer.pack(new Document(...))` per contract: profiling showed most of its time
// goes to work that is the same for every contract — docx re-creates and re-serialises styles,
// numbering, settings, font table, theme, footnote/endnote parts and content types, re-deflates
// all of them, and turns every fixed clause into XML again, for each document. Here:
// - the package is built once per template title with docx (the "skeleton": every part, the
//   section properties, the footer with its PAGE and NUMPAGES fields), and its fixed parts are
//   deflated once (zip.ts);
// - each block's XML is produced by docx once per block *shape* (compiled.ts) and the contract's
//   field texts are written into it;
// - per contract only document.xml and the header are assembled and deflated.
// The result is the XML docx writes for the same model (package.test.ts compares them).
import { Packer, type Document, type IXmlableObject } from 'docx';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import type { ContractBlock, ContractDocument } from '../model';
import { compileXml, fillXml, ShapeCache, shapeOf, slot, type CompiledXml } from './compiled';
import { blockElements } from './elements';
import { CHINESE_FONT_TABLE_ENTRIES } from './fonts';
import { contractDocxDocument, headerParagraph } from './reference';
import { xmlOf } from './xml';
import { precompress, zipPackage, type PrecompressedPart } from './zip';

const BODY_MARK = 'CONTRACTBODYMARK';
const HEADER_MARK = 'CONTRACTHEADERMARK';

interface Skeleton {
  file: Document;
  /** The parts that do not depend on the contract, deflated once, [Content_Types].xml first. */
  fixedParts: PrecompressedPart[];
  documentXml: { before: string; after: string };
  headerPath: string;
  /** The whole header part with one slot for the header text. */
  headerXml: CompiledXml;
  /** Compiled block XML by block shape. */
  blocks: ShapeCache;
}

function splitAround(xml: string, mark: string, part: string): { before: string; after: string } {
  const at = xml.indexOf(mark);
  if (at < 0) throw new Error(`docx skeleton: marker not found in ${part}`);
  const open = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
  const close = xml.indexOf('</w:p>', at) + '</w:p>'.length;
  return { before: xml.slice(0, open), after: xml.slice(close) };
}

function withChineseFonts(xml: string): string {
  if (xml.includes('</w:fonts>')) return xml.replace('</w:fonts>', `${CHINESE_FONT_TABLE_ENTRIES}</w:fonts>`);
  return xml.replace(/\/>\s*$/, `>${CHINESE_FONT_TABLE_ENTRIES}</w:fonts>`);
}

const skeletons = new Map<string, Promise<Skeleton>>();

async function makeSkeleton(title: string): Promise<Skeleton> {
  const file = contractDocxDocument({ title, headerText: HEADER_MARK, blocks: [{ kind: 'title', text: BODY_MARK }] });
  const parts = unzipSync(await Packer.pack(file, 'uint8array'));
  const headerPath = Object.keys(parts).find((p) => /^word\/header\d+\.xml$/.test(p));
  const documentPart = parts['word/document.xml'];
  if (!headerPath || !documentPart) throw new Error('docx skeleton: document or header part missing');
  const fontTable = parts['word/fontTable.xml'];
  if (fontTable) parts['word/fontTable.xml'] = strToU8(withChineseFonts(strFromU8(fontTable)));
  const fixedNames = Object.keys(parts)
    .filter((p) => p !== 'word/document.xml' && p !== headerPath)
    .sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  const sk: Skeleton = {
    file,
    fixedParts: fixedNames.map((p) => precompress(p, parts[p]!)),
    documentXml: splitAround(strFromU8(documentPart), BODY_MARK, 'document.xml'),
    headerPath,
    headerXml: [],
    blocks: new ShapeCache(),
  };
  const header = splitAround(strFromU8(parts[headerPath]!), HEADER_MARK, headerPath);
  sk.headerXml = compileXml(header.before + serialise(sk, headerParagraph(slot(0))) + header.after);
  return sk;
}

function skeleton(title: string): Promise<Skeleton> {
  let s = skeletons.get(title);
  if (!s) {
    s = makeSkeleton(title);
    skeletons.set(title, s);
  }
  return s;
}

function serialise(sk: Skeleton, el: { prepForXml(context: never): IXmlableObject | undefined }): string {
  const context = { file: sk.file, viewWrapper: sk.file.Document, stack: [] };
  return xmlOf(el.prepForXml(context as never));
}

function blockXml(sk: Skeleton, b: ContractBlock, breakBefore: boolean): string {
  const { shape, values } = shapeOf(b);
  const compiled = sk.blocks.get((breakBefore ? '1' : '0') + JSON.stringify(shape), () =>
    blockElements(shape, breakBefore)
      .map((el) => serialise(sk, el))
      .join(''),
  );
  return fillXml(compiled, values);
}

/** The document and header XML of a contract: the skeleton's envelope around this contract's body. */
export async function contractDocumentXml(doc: ContractDocument): Promise<{ document: string; header: string; headerPath: string }> {
  const sk = await skeleton(doc.title);
  let body = '';
  let breakNext = false;
  for (const b of doc.blocks) {
    if (b.kind === 'pageBreak') {
      breakNext = true;
      continue;
    }
    body += blockXml(sk, b, breakNext);
    breakNext = false;
  }
  return {
    document: sk.documentXml.before + body + sk.documentXml.after,
    header: fillXml(sk.headerXml, [doc.headerText]),
    headerPath: sk.headerPath,
  };
}

/**
 * The contract as .docx bytes. Works in the browser and in Node (fflate and docx's Packer with
 * 'uint8array' need neither Buffer nor Blob).
 */
export async function renderContractDocx(doc: ContractDocument): Promise<Uint8Array> {
  const sk = await skeleton(doc.title);
  const xml = await contractDocumentXml(doc);
  return zipPackage(sk.fixedParts, { 'word/document.xml': xml.document, [xml.headerPath]: xml.header });
}
