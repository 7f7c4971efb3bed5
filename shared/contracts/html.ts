// The contract document model as HTML for the in-app preview, printing (webContents.print /
// window.print) and PDF (printToPDF). It renders the same model as the .docx writer, so the
// preview and the Word file carry the same words; the print stylesheet sets A4, the margins and
// the Chinese fonts, and puts the header text and "第 X 页 共 Y 页" in the page margins.
import type { ContractBlock, ContractDocument, ContractRun, ContractTableCell } from './model';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);
/** A CSS string literal (for `content:`), with quotes, backslashes and line breaks escaped. */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\a ')}"`;

export const CONTRACT_PRINT_CSS = `
.contract { font-family: SimSun, "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 12pt; line-height: 1.6; color: #000; }
.contract .page-head { font-size: 9pt; text-align: right; border-bottom: 0.5pt solid #000; padding-bottom: 2pt; margin-bottom: 12pt; }
.contract h1, .contract h2, .contract h3 { font-family: SimHei, "黑体", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-weight: normal; }
.contract h1 { font-size: 18pt; text-align: center; margin: 6pt 0 12pt; }
.contract h2 { font-size: 12pt; margin: 8pt 0 2pt; break-after: avoid; }
.contract h3 { font-size: 12pt; margin: 3pt 0 0; text-indent: 2em; break-after: avoid; }
.contract p { margin: 0; text-align: justify; }
.contract p.indent { text-indent: 2em; }
.contract p.line { margin-bottom: 3pt; }
.contract p.small { font-size: 10.5pt; }
.contract .field { text-decoration: underline; text-underline-offset: 2pt; }
.contract .blank { letter-spacing: 0; }
.contract table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.contract table.form { font-size: 10.5pt; line-height: 1.4; }
.contract table.form td { border: 0.5pt solid #000; padding: 3pt 5pt; vertical-align: middle; }
.contract table.form td.label { background: #f2f2f2; font-weight: bold; text-align: center; }
.contract table.form tr { break-inside: avoid; }
.contract table.sign td { border: none; vertical-align: top; padding: 0; }
.contract table.sign p { margin: 4pt 0; }
.contract .spacer { height: 1.2em; }
.contract .page-break { break-before: page; }
@media screen {
  .contract { width: 210mm; min-height: 297mm; box-sizing: border-box; padding: 25.4mm 28mm; margin: 0 auto; background: #fff; }
}
@media print {
  .contract .page-head { display: none; }
}
`;

function runsHtml(runs: readonly ContractRun[]): string {
  let s = '';
  for (const r of runs) {
    if (r.kind === 'text') s += r.bold ? `<b>${escapeHtml(r.text)}</b>` : escapeHtml(r.text);
    else if (r.kind === 'field') s += `<span class="field" data-field="${escapeHtml(r.field)}">${escapeHtml(r.text)}</span>`;
    else s += `<span class="blank" data-field="${escapeHtml(r.field)}">${'_'.repeat(r.width)}</span>`;
  }
  return s;
}

function cellHtml(c: ContractTableCell): string {
  const span = c.span ?? 1;
  const attrs = [
    span > 1 ? `colspan="${span}"` : '',
    c.label ? 'class="label"' : '',
    c.minLines || c.align
      ? `style="${c.minLines ? `height:${c.minLines * 1.5 + 0.5}em;vertical-align:top;` : ''}${c.align ? `text-align:${c.align}` : ''}"`
      : '',
  ].filter(Boolean);
  return `<td${attrs.length ? ' ' + attrs.join(' ') : ''}>${c.paragraphs.map((p) => runsHtml(p) || '&nbsp;').join('<br>')}</td>`;
}

function blockHtml(b: ContractBlock, breakBefore: boolean): string {
  const pb = breakBefore ? ' page-break' : '';
  switch (b.kind) {
    case 'title':
      return `<h1 class="${pb.trim()}">${escapeHtml(b.text)}</h1>`;
    case 'line':
      return `<p class="line${b.size === 'small' ? ' small' : ''}${pb}" style="text-align:${b.align}">${runsHtml(b.runs)}</p>`;
    case 'heading':
      return `<h${b.level + 1} class="${pb.trim()}">${runsHtml(b.runs)}</h${b.level + 1}>`;
    case 'clause': {
      const style = b.level ? ` style="margin-left:${b.level * 2}em"` : '';
      const number = b.number ? escapeHtml(b.number) : '';
      return `<p class="${b.firstLineIndent ? 'indent' : ''}${pb}"${style}>${number}${runsHtml(b.runs)}</p>`;
    }
    case 'table': {
      const cols = `<colgroup>${b.columns.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>`;
      const rows = b.rows
        .map((row) => {
          return `<tr>${row.map(cellHtml).join('')}</tr>`;
        })
        .join('');
      return `<table class="form${pb}">${cols}<tbody>${rows}</tbody></table>`;
    }
    case 'signatures': {
      const col = (lines: readonly ContractRun[][]) => lines.map((l) => `<p>${runsHtml(l)}</p>`).join('');
      return `<table class="sign${pb}"><tbody><tr><td>${col(b.left)}</td><td>${col(b.right)}</td></tr></tbody></table>`;
    }
    case 'spacer':
      return `<div class="spacer${pb}"></div>`;
    case 'pageBreak':
      return '';
  }
}

/** The contract's body as an HTML fragment (a `<div class="contract">`), for the preview pane. */
export function contractHtmlFragment(doc: ContractDocument): string {
  let out = `<div class="contract" data-template="${escapeHtml(doc.templateId)}" data-version="${doc.templateVersion}">`;
  out += `<div class="page-head">${escapeHtml(doc.headerText)}</div>`;
  let breakNext = false;
  for (const b of doc.blocks) {
    if (b.kind === 'pageBreak') {
      breakNext = true;
      continue;
    }
    out += blockHtml(b, breakNext);
    breakNext = false;
  }
  return out + '</div>';
}

/** The page rules for printing: A4, margins, header text and page numbers in the margins. */
export function contractPageCss(doc: ContractDocument): string {
  return `@page { size: A4; margin: 25.4mm 28mm;
  @top-right { content: ${cssString(doc.headerText)}; font-family: SimSun, "Noto Serif CJK SC", serif; font-size: 9pt; vertical-align: bottom; padding-bottom: 4mm; }
  @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-family: SimSun, "Noto Serif CJK SC", serif; font-size: 9pt; } }`;
}

/** A complete HTML document for a print window or printToPDF. */
export function renderContractHtml(doc: ContractDocument): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title>
<style>${CONTRACT_PRINT_CSS}
${contractPageCss(doc)}</style></head>
<body style="margin:0">${contractHtmlFragment(doc)}</body></html>`;
}
