// The whole contract as one docx Document, packed the ordinary way with docx's Packer. The fast
// writer (package.ts) builds its package skeleton from this once per template, and the tests
// compare the fast writer's XML with what Packer writes from this for the same model.
import { Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { ContractDocument } from '../model';
import { blockElements } from './elements';
import { MARGIN, PAGE, STYLE, STYLES } from './layout';

export function headerParagraph(text: string): Paragraph {
  return new Paragraph({
    style: STYLE.header,
    alignment: 'right',
    border: { bottom: { style: 'single', size: 4, color: '000000', space: 1 } },
    children: [new TextRun(text)],
  });
}

function footerParagraph(): Paragraph {
  return new Paragraph({
    style: STYLE.footer,
    alignment: 'center',
    children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'] })],
  });
}

/** The whole contract as a docx Document (also what the skeleton is made of). */
export function contractDocxDocument(doc: Pick<ContractDocument, 'title' | 'headerText' | 'blocks'>): Document {
  return new Document({
    title: doc.title,
    creator: 'Hotline Office',
    styles: STYLES,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN },
          },
        },
        headers: { default: new Header({ children: [headerParagraph(doc.headerText)] }) },
        footers: { default: new Footer({ children: [footerParagraph()] }) },
        children: bodyElements(doc.blocks),
      },
    ],
  });
}

export function bodyElements(blocks: ContractDocument['blocks']) {
  const out = [];
  let breakNext = false;
  for (const b of blocks) {
    if (b.kind === 'pageBreak') {
      breakNext = true;
      continue;
    }
    out.push(...blockElements(b, breakNext));
    breakNext = false;
  }
  return out;
}

/** Packs a docx Document the ordinary way (the reference for the fast path, and for tests). */
export async function packDocx(document: Document): Promise<Uint8Array> {
  return Packer.pack(document, 'uint8array');
}
