import { useMemo } from 'react';
import type { ContractDocument } from '../../../shared';
import { previewSrcDoc } from './printDocument';

/**
 * The on-screen preview: the contract's HTML in a sandboxed iframe (no scripts; same origin only
 * so the tests and the page can read its text), so the contract's styles and the app's never mix.
 */
export function ContractPreviewFrame({ doc, title }: { doc: ContractDocument; title: string }) {
  const srcDoc = useMemo(() => previewSrcDoc(doc), [doc]);
  return (
    <iframe
      title={title}
      data-testid="contract-preview"
      sandbox="allow-same-origin"
      srcDoc={srcDoc}
      style={{ width: '100%', height: 'calc(100vh - 260px)', minHeight: 480, border: '1px solid #ccc', borderRadius: 4, background: '#e9e9e9' }}
    />
  );
}
