// Contracts: templates as data, the pure builder, contract numbers, signed snapshots, and the
// Word and HTML renderings of the document model.
export type { ContractAlign, ContractBlock, ContractDocument, ContractRun, ContractTableCell } from './model';
export { runsText } from './model';
export * from './number';
export type { ContractTemplate, FieldValue, FieldValues, TemplateBlock, CellSpec, Inline } from './template';
export { fillTemplate, templateFieldNames, MissingFieldError } from './template';
export * from './templates/index';
export * from './build';
export * from './snapshot';
export { yuanFigures } from './fields';
export * from './docx/index';
export { renderContractHtml, contractHtmlFragment, contractPageCss, CONTRACT_PRINT_CSS, escapeHtml } from './html';
