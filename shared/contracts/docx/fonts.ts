// The contract fonts by the names Word and WPS know: 宋体 (SimSun) for the body, 黑体 (SimHei)
// for the title and headings, and the font-table entries that tell Word and WPS so. Plain strings,
// no `docx`: the writer's public face (index.ts) exports them without loading the writer.
export const BODY_FONT = 'SimSun';
export const HEADING_FONT = 'SimHei';

/**
 * docx writes an empty font table. Word and WPS use the table's alternative name, charset and
 * PANOSE to match a font that is missing under its English name, so SimSun and SimHei are listed
 * as Word itself writes them (宋体 / 黑体, GB2312 charset 86).
 */
export const CHINESE_FONT_TABLE_ENTRIES =
  `<w:font w:name="${BODY_FONT}"><w:altName w:val="宋体"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>` +
  `<w:font w:name="${HEADING_FONT}"><w:altName w:val="黑体"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`;
