// The Word writer's public face. Its signatures use only the contract model and Uint8Array, so the
// declarations other projects see never pull in docx's typings (which bring Node's globals).
//
// The writer itself (package.ts and the `docx` library under it, a quarter of a megabyte) is
// loaded by the first call, not imported here: everything that imports shared/index — the app's
// first screen included — would otherwise carry it, while a Word file is only built when a contract
// or statement is saved. Callers see the same async functions and the same bytes; in the browser
// build the writer is a chunk of its own (Vite splits at the import() below), precached like the
// others, and fetched as soon as an area that saves Word files opens (preloadContractDocx), so
// saving still works offline.
import type { ContractDocument } from '../model';
import type * as WriterModule from './package';
export { BODY_FONT, HEADING_FONT, CHINESE_FONT_TABLE_ENTRIES } from './fonts';

type Writer = typeof WriterModule;

let writer: Promise<Writer> | undefined;

/** package.ts, imported once; a failed load (e.g. a chunk missing after an update) is retried by the next call. */
function loadWriter(): Promise<Writer> {
  writer ??= import('./package').catch((e: unknown) => {
    writer = undefined;
    throw e;
  });
  return writer;
}

/**
 * Starts loading the writer without building anything; resolves once it is loaded or has failed
 * (a failure is not reported here: the next build tries again and reports it). The app calls this
 * when an area that saves Word files opens, so that 下载 Word still works if the network is gone
 * by the time it is clicked.
 */
export async function preloadContractDocx(): Promise<void> {
  await loadWriter().catch(() => undefined);
}

/**
 * The contract as .docx bytes. Works in the browser and in Node (fflate and docx's Packer with
 * 'uint8array' need neither Buffer nor Blob).
 */
export async function renderContractDocx(doc: ContractDocument): Promise<Uint8Array> {
  return (await loadWriter()).renderContractDocx(doc);
}

/** The document and header XML of a contract: the skeleton's envelope around this contract's body. */
export async function contractDocumentXml(doc: ContractDocument): Promise<{ document: string; header: string; headerPath: string }> {
  return (await loadWriter()).contractDocumentXml(doc);
}
