// The Word writer's public face. Its signatures use only the contract model and Uint8Array, so the
// declarations other projects see never pull in docx's typings (which bring Node's globals).
export { renderContractDocx, contractDocumentXml, CHINESE_FONT_TABLE_ENTRIES } from './package';
export { BODY_FONT, HEADING_FONT } from './fonts';
