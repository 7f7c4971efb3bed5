// The part of the `docx` library's API that shared/contracts/docx uses, declared for the shared/
// type-check only (shared/tsconfig.json maps the module name `docx` here with `paths`; at run
// time, in bundlers, tsx and the other projects, `docx` is the real package).
//
// Why: docx's own typings begin with `/// <reference types="node" />` and import Node's `stream`,
// which would pull every Node global (Buffer, process, …) into the whole shared/ program, where
// code must run in the browser too. With this file, using a Node or DOM global anywhere in
// shared/ is still a type error. The declarations mirror docx 9.15's (names, option shapes and
// literal values) for what is used; add to them when the writer uses more of docx. The unit
// tests compile against the real typings, and compare the output with docx's own Packer.

export interface IXmlableObject extends Record<string, unknown> {
  readonly [key: string]: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Opaque: what docx's components get while serialising. */
export type IContext = object;

declare abstract class XmlComponentLike {
  prepForXml(context: IContext): IXmlableObject | undefined;
}

export declare const AlignmentType: {
  readonly START: 'start';
  readonly CENTER: 'center';
  readonly END: 'end';
  readonly BOTH: 'both';
  readonly JUSTIFIED: 'both';
  readonly LEFT: 'left';
  readonly RIGHT: 'right';
};
type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

export declare const LineRuleType: { readonly AT_LEAST: 'atLeast'; readonly EXACT: 'exact'; readonly AUTO: 'auto' };
export declare const BorderStyle: { readonly SINGLE: 'single'; readonly NONE: 'none'; readonly NIL: 'nil' };
export declare const HeightRule: { readonly AUTO: 'auto'; readonly ATLEAST: 'atLeast'; readonly EXACT: 'exact' };
export declare const ShadingType: { readonly CLEAR: 'clear'; readonly SOLID: 'solid' };
export declare const TableLayoutType: { readonly AUTOFIT: 'autofit'; readonly FIXED: 'fixed' };
export declare const VerticalAlign: { readonly TOP: 'top'; readonly CENTER: 'center'; readonly BOTTOM: 'bottom' };
export declare const WidthType: { readonly AUTO: 'auto'; readonly DXA: 'dxa'; readonly NIL: 'nil'; readonly PERCENTAGE: 'pct' };
export declare const PageNumber: { readonly CURRENT: 'CURRENT'; readonly TOTAL_PAGES: 'TOTAL_PAGES'; readonly TOTAL_PAGES_IN_SECTION: 'TOTAL_PAGES_IN_SECTION' };

export interface IBorderOptions {
  readonly style: (typeof BorderStyle)[keyof typeof BorderStyle];
  readonly color?: string;
  readonly size?: number;
  readonly space?: number;
}

export interface IFontAttributesProperties {
  readonly ascii?: string;
  readonly cs?: string;
  readonly eastAsia?: string;
  readonly hAnsi?: string;
}

export interface IRunPropertiesOptions {
  readonly bold?: boolean;
  readonly size?: number | string;
  readonly font?: string | IFontAttributesProperties;
  readonly underline?: { readonly type?: string; readonly color?: string };
  readonly language?: { readonly value?: string; readonly eastAsia?: string };
}

export interface IRunOptions extends IRunPropertiesOptions {
  readonly text?: string;
  readonly children?: readonly (string | (typeof PageNumber)[keyof typeof PageNumber])[];
}

export interface ISpacingProperties {
  readonly before?: number;
  readonly after?: number;
  readonly line?: number;
  readonly lineRule?: (typeof LineRuleType)[keyof typeof LineRuleType];
}

export interface IIndentAttributesProperties {
  readonly left?: number;
  readonly right?: number;
  readonly firstLine?: number;
  readonly hanging?: number;
}

export interface IParagraphStylePropertiesOptions {
  readonly alignment?: Alignment;
  readonly spacing?: ISpacingProperties;
  readonly indent?: IIndentAttributesProperties;
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
}

export interface IParagraphOptions extends IParagraphStylePropertiesOptions {
  readonly text?: string;
  readonly style?: string;
  readonly pageBreakBefore?: boolean;
  readonly border?: { readonly top?: IBorderOptions; readonly bottom?: IBorderOptions; readonly left?: IBorderOptions; readonly right?: IBorderOptions };
  readonly children?: readonly TextRun[];
}

export declare class TextRun extends XmlComponentLike {
  constructor(options: IRunOptions | string);
}

export declare class Paragraph extends XmlComponentLike {
  constructor(options: IParagraphOptions | string);
}

interface ITableWidthProperties {
  readonly size: number | string;
  readonly type?: (typeof WidthType)[keyof typeof WidthType];
}

type TableBorders = {
  readonly top?: IBorderOptions;
  readonly bottom?: IBorderOptions;
  readonly left?: IBorderOptions;
  readonly right?: IBorderOptions;
  readonly insideHorizontal?: IBorderOptions;
  readonly insideVertical?: IBorderOptions;
};

export interface ITableCellOptions {
  readonly children: readonly (Paragraph | Table)[];
  readonly columnSpan?: number;
  readonly width?: ITableWidthProperties;
  readonly verticalAlign?: (typeof VerticalAlign)[keyof typeof VerticalAlign];
  readonly margins?: { readonly top?: number; readonly bottom?: number; readonly left?: number; readonly right?: number };
  readonly shading?: { readonly type?: (typeof ShadingType)[keyof typeof ShadingType]; readonly color?: string; readonly fill?: string };
  readonly borders?: { readonly top?: IBorderOptions; readonly bottom?: IBorderOptions; readonly left?: IBorderOptions; readonly right?: IBorderOptions };
}

export declare class TableCell extends XmlComponentLike {
  constructor(options: ITableCellOptions);
}

export interface ITableRowOptions {
  readonly children: readonly TableCell[];
  readonly cantSplit?: boolean;
  readonly height?: { readonly value: number; readonly rule: (typeof HeightRule)[keyof typeof HeightRule] };
}

export declare class TableRow extends XmlComponentLike {
  constructor(options: ITableRowOptions);
}

export interface ITableOptions {
  readonly rows: readonly TableRow[];
  readonly width?: ITableWidthProperties;
  readonly columnWidths?: readonly number[];
  readonly layout?: (typeof TableLayoutType)[keyof typeof TableLayoutType];
  readonly borders?: TableBorders;
}

export declare class Table extends XmlComponentLike {
  constructor(options: ITableOptions);
}

export declare class Header {
  constructor(options?: { readonly children: readonly (Paragraph | Table)[] });
}

export declare class Footer {
  constructor(options?: { readonly children: readonly (Paragraph | Table)[] });
}

export interface IParagraphStyleOptions {
  readonly id: string;
  readonly name?: string;
  readonly basedOn?: string;
  readonly next?: string;
  readonly run?: IRunPropertiesOptions;
  readonly paragraph?: IParagraphStylePropertiesOptions;
}

export interface IStylesOptions {
  readonly default?: {
    readonly document?: { readonly run?: IRunPropertiesOptions; readonly paragraph?: IParagraphStylePropertiesOptions };
  };
  readonly paragraphStyles?: readonly IParagraphStyleOptions[];
}

export interface ISectionOptions {
  readonly properties?: {
    readonly page?: {
      readonly size?: { readonly width?: number; readonly height?: number };
      readonly margin?: { readonly top?: number; readonly right?: number; readonly bottom?: number; readonly left?: number; readonly header?: number; readonly footer?: number };
    };
  };
  readonly headers?: { readonly default?: Header };
  readonly footers?: { readonly default?: Footer };
  readonly children: readonly (Paragraph | Table)[];
}

export interface IPropertiesOptions {
  readonly sections: readonly ISectionOptions[];
  readonly title?: string;
  readonly creator?: string;
  readonly styles?: IStylesOptions;
}

export declare class Document {
  constructor(options: IPropertiesOptions);
  /** The document part (docx's `File.Document`), passed as the view wrapper when serialising. */
  readonly Document: object;
}

export declare class Packer {
  static pack(file: Document, type: 'uint8array'): Promise<Uint8Array>;
}
