// A signed snapshot freezes what was printed for signing: the template id and version, the
// validated data (defaults applied) and the contract number. A reprint builds from the snapshot
// only, never from the current records or the current template version, so it is identical.
import { z } from 'zod';
import { buildContractDocument, ContractInputError, parseContractInput } from './build';
import type { ContractDocument } from './model';
import { parseContractNumber } from './number';
import type { ContractTemplate } from './template';
import { CONTRACT_TEMPLATES, CONTRACT_TEMPLATE_IDS, type ContractTemplateId } from './templates/index';

export const signedContractSnapshotSchema = z
  .object({
    templateId: z.enum(CONTRACT_TEMPLATE_IDS as [ContractTemplateId, ...ContractTemplateId[]]),
    templateVersion: z.number().int().positive(),
    contractNumber: z.string().refine((s) => parseContractNumber(s).ok, '合同编号格式不对'),
    /** The validated input as printed, defaults applied. */
    data: z.record(z.string(), z.unknown()),
    /** UTC ISO time of the printing for signature. */
    printedAt: z.string(),
  })
  .strict();

export type SignedContractSnapshot = z.infer<typeof signedContractSnapshotSchema>;

export class TemplateVersionUnavailableError extends Error {
  constructor(templateId: string, version: number) {
    super(`合同模板 ${templateId} 的第 ${version} 版已不可用，无法按原样重印`);
    this.name = 'TemplateVersionUnavailableError';
  }
}

/**
 * Freezes a contract for signing. The number is written into the data so header, 编号 line and
 * snapshot can never disagree.
 */
export function makeSignedSnapshot(
  templateId: ContractTemplateId,
  input: Record<string, unknown>,
  contractNumber: string,
  printedAt: string,
): SignedContractSnapshot {
  const number = parseContractNumber(contractNumber);
  if (!number.ok) throw new ContractInputError(templateId, [{ path: 'contractNumber', message: number.reason }]);
  const parsed = parseContractInput(templateId, { ...input, contractNumber });
  if (!parsed.ok) throw new ContractInputError(templateId, parsed.issues);
  return {
    templateId,
    templateVersion: CONTRACT_TEMPLATES[templateId].version,
    contractNumber,
    // A deep copy through JSON: the snapshot must not share objects with live records.
    data: JSON.parse(JSON.stringify(parsed.data)) as Record<string, unknown>,
    printedAt,
  };
}

/** The document of a signed snapshot, with the template version it was printed with. */
export function buildFromSnapshot(snapshot: SignedContractSnapshot): ContractDocument {
  const template = CONTRACT_TEMPLATES[snapshot.templateId] as unknown as ContractTemplate;
  if (template.version !== snapshot.templateVersion) {
    throw new TemplateVersionUnavailableError(snapshot.templateId, snapshot.templateVersion);
  }
  const parsed = parseContractInput(snapshot.templateId, snapshot.data);
  if (!parsed.ok) throw new ContractInputError(snapshot.templateId, parsed.issues);
  return buildContractDocument(template, parsed.data);
}
