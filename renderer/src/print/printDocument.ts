import { CONTRACT_PRINT_CSS, contractHtmlFragment, contractPageCss, type ContractDocument } from '../../../shared';

/**
 * The contract as HTML for the screen preview and for printing, both from the shared model
 * (shared/contracts/html.ts), so the preview, the printout, the PDF and the .docx carry the same
 * words.
 */

/** While a print view is mounted, printing shows only it: the app's own UI is hidden on paper. */
export const PRINT_ONLY_CSS = `
@media screen { #print-root { display: none; } }
@media print {
  html, body { background: #fff !important; margin: 0 !important; }
  body > *:not(#print-root) { display: none !important; }
  #print-root { display: block; }
}`;

/** The CSS of the print view: the page rules (A4, header, "第 X 页 共 Y 页") and the contract's own. */
export function printViewCss(doc: ContractDocument): string {
  return `${PRINT_ONLY_CSS}\n${CONTRACT_PRINT_CSS}\n${contractPageCss(doc)}`;
}

/**
 * A complete document for the preview iframe: the same fragment on a grey desk, one sheet wide.
 * No script: the iframe is sandboxed without scripts.
 */
export function previewSrcDoc(doc: ContractDocument): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<style>${CONTRACT_PRINT_CSS}
${contractPageCss(doc)}
@media screen { html { background: #e9e9e9; } body { margin: 0; padding: 16px 0; } .contract { box-shadow: 0 1px 4px rgba(0,0,0,.25); } }</style></head>
<body>${contractHtmlFragment(doc)}</body></html>`;
}
