import { useEffect, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { contractHtmlFragment, type ContractDocument } from '../../../shared';
import { printViewCss } from './printDocument';

/**
 * The print-only view of a contract: a direct child of <body> that the screen never shows and
 * that is the only thing on paper while it is mounted (see PRINT_ONLY_CSS). `platform.printView()`
 * (window.print / webContents.print) and `platform.printViewToPdf()` (printToPDF) print it.
 * The HTML comes from the shared renderer, which escapes every record value.
 *
 * The CSS goes in as a constructed stylesheet (document.adoptedStyleSheets), not a <style>
 * element: the desktop's Content-Security-Policy then has nothing inline to judge.
 */
export function ContractPrintView({ doc }: { doc: ContractDocument }) {
  const html = useMemo(() => contractHtmlFragment(doc), [doc]);
  const css = useMemo(() => printViewCss(doc), [doc]);
  useEffect(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [css]);
  return createPortal(<div id="print-root" data-testid="print-root" dangerouslySetInnerHTML={{ __html: html }} />, document.body);
}
