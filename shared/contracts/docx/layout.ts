// Page and type settings of every contract: A4, Chinese contract margins, 宋体 body and 黑体
// headings. The fonts are declared for ASCII, high ANSI and East Asian text (w:eastAsia), so Word
// and WPS pick SimSun/SimHei for Chinese instead of falling back to a Latin font.
import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';

import { BODY_FONT, HEADING_FONT } from './fonts';

/** A4 in twips (1/1440 inch). */
export const PAGE = { width: 11906, height: 16838 } as const;
/** 2.54 cm top/bottom, 2.8 cm left/right (common for Chinese contracts); header/footer at 1.5 cm. */
export const MARGIN = { top: 1440, bottom: 1440, left: 1588, right: 1588, header: 850, footer: 850 } as const;
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** Sizes in half-points: 小四 12 pt body, 五号 10.5 pt forms, 小二 18 pt title, 小五 9 pt header/footer. */
export const SIZE = { body: 24, table: 21, title: 36, small: 21, headerFooter: 18 } as const;
/** One Chinese character of the body size, in twips: the unit of indentation. */
export const CHAR = 240;
/** Line spacing 1.25 (240 = single). */
export const LINE = 300;

const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

export const STYLE = {
  title: 'ContractTitle',
  heading1: 'ContractHeading1',
  heading2: 'ContractHeading2',
  clause: 'ContractClause',
  line: 'ContractLine',
  cell: 'ContractCell',
  sign: 'ContractSign',
  header: 'ContractHeader',
  footer: 'ContractFooter',
} as const;

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: font(BODY_FONT), size: SIZE.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
      paragraph: { spacing: { line: LINE, lineRule: LineRuleType.AUTO } },
    },
  },
  paragraphStyles: [
    {
      id: STYLE.title,
      name: 'Contract Title',
      basedOn: 'Normal',
      next: 'Normal',
      run: { font: font(HEADING_FONT), size: SIZE.title },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 240 }, keepNext: true },
    },
    {
      id: STYLE.heading1,
      name: 'Contract Heading 1',
      basedOn: 'Normal',
      next: STYLE.clause,
      run: { font: font(HEADING_FONT), size: SIZE.body },
      paragraph: { spacing: { before: 160, after: 40 }, keepNext: true, keepLines: true },
    },
    {
      id: STYLE.heading2,
      name: 'Contract Heading 2',
      basedOn: 'Normal',
      next: STYLE.clause,
      run: { font: font(HEADING_FONT), size: SIZE.body },
      paragraph: { indent: { firstLine: 2 * CHAR }, spacing: { before: 60 }, keepNext: true, keepLines: true },
    },
    {
      id: STYLE.clause,
      name: 'Contract Clause',
      basedOn: 'Normal',
      paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 0 } },
    },
    { id: STYLE.line, name: 'Contract Line', basedOn: 'Normal', paragraph: { spacing: { after: 60 } } },
    {
      id: STYLE.cell,
      name: 'Contract Cell',
      basedOn: 'Normal',
      run: { size: SIZE.table },
      paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO, before: 40, after: 40 } },
    },
    { id: STYLE.sign, name: 'Contract Signature', basedOn: 'Normal', paragraph: { spacing: { before: 60, after: 60 } } },
    { id: STYLE.header, name: 'Contract Header', basedOn: 'Normal', run: { size: SIZE.headerFooter } },
    { id: STYLE.footer, name: 'Contract Footer', basedOn: 'Normal', run: { size: SIZE.headerFooter } },
  ],
};
