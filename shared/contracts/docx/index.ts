export { renderContractDocx, contractDocxDocument, contractDocumentXml, packDocx } from './package';
export { BODY_FONT, HEADING_FONT } from './layout';
