import { Zip, ZipPassThrough } from 'fflate';
import { formatMsg, msg, type ContractTemplateId } from '../../../shared';
import { ValidationError } from './errors';
import { contractDocxBytes, contractFileName, createContractFromApplication, markContractsPrinted } from './contracts';
import type { ContractRow } from './contractsTypes';

/**
 * Many approved 受理单 → one .zip of their contracts (issue 5 item 5).
 *
 * One document at a time: make (or reuse) the contract, write its .docx, stream it into the zip,
 * report progress, then give the UI a turn before the next, so the progress bar moves and the
 * cancel button is heard. Cancelling stops before the next document and nothing is frozen:
 * contracts are marked printed (their snapshot and number made permanent) in one transaction only
 * once the whole zip exists. Drafts made on the way stay in the register as drafts.
 *
 * The .docx parts are already deflated, so they are stored in the zip as they are (ZipPassThrough):
 * compressing them again costs time and saves almost nothing.
 */

export interface BatchProgress {
  done: number;
  total: number;
  /** The application being worked on. */
  current: string | null;
}

export interface BatchFailure {
  applicationId: string;
  /** zh-CN */
  message: string;
  /** What was thrown, for the UI to show in its language (localizeError). */
  error: unknown;
}

export interface BatchResult {
  zip: Uint8Array;
  fileNames: string[];
  contracts: ContractRow[];
  /** Applications whose contract could not be made (e.g. a record the contract refuses). */
  failures: BatchFailure[];
}

export class BatchCancelledError extends Error {
  constructor() {
    super(formatMsg(msg('contract.batchCancelled')));
    this.name = 'BatchCancelledError';
  }
}

export interface BatchOptions {
  signal?: AbortSignal;
  onProgress?: (p: BatchProgress) => void;
  /** Lets the UI render between documents; a macrotask by default. */
  yieldToUi?: () => Promise<void>;
}

export const yieldMacrotask = () =>
  new Promise<void>((resolve) => {
    // A MessageChannel message runs after rendering and input, without setTimeout's 4 ms clamp.
    if (typeof MessageChannel === 'undefined') return void setTimeout(resolve, 0);
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let i = 2; used.has(candidate); i++) candidate = name.replace(/\.docx$/, ` (${i}).docx`);
  used.add(candidate);
  return candidate;
}

/** Builds the zip; throws BatchCancelledError when `signal` aborts (nothing is frozen then). */
export async function exportContractsZip(applicationIds: readonly string[], templateId: ContractTemplateId, opts: BatchOptions = {}): Promise<BatchResult> {
  const yieldToUi = opts.yieldToUi ?? yieldMacrotask;
  const chunks: Uint8Array[] = [];
  let zipError: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) zipError = err;
    else chunks.push(chunk);
  });
  const names = new Set<string>();
  const contracts: ContractRow[] = [];
  const failures: BatchFailure[] = [];
  const total = applicationIds.length;
  for (let i = 0; i < total; i++) {
    if (opts.signal?.aborted) {
      zip.terminate();
      throw new BatchCancelledError();
    }
    const applicationId = applicationIds[i]!;
    opts.onProgress?.({ done: i, total, current: applicationId });
    try {
      const contract = await createContractFromApplication(applicationId, templateId);
      if (contract.status === 'void') throw new ValidationError({ status: msg('contract.void') });
      const bytes = await contractDocxBytes(contract);
      const file = new ZipPassThrough(uniqueName(contractFileName(contract), names));
      zip.add(file);
      file.push(bytes, true);
      contracts.push(contract);
    } catch (e) {
      failures.push({ applicationId, message: (e as Error).message, error: e });
    }
    if (zipError) throw zipError;
    opts.onProgress?.({ done: i + 1, total, current: null });
    await yieldToUi();
  }
  if (opts.signal?.aborted) {
    zip.terminate();
    throw new BatchCancelledError();
  }
  zip.end();
  if (zipError) throw zipError;
  const size = chunks.reduce((s, c) => s + c.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  const frozen = contracts.length ? await markContractsPrinted(contracts.map((c) => c.id), 'batch') : [];
  return { zip: out, fileNames: [...names], contracts: frozen, failures };
}
