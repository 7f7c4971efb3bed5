// The pure contract builder: validate a template's input with its zod schema, then fill the
// template into the document model. The app, the command line and the tests all go through here.
import { z } from 'zod';
import type { ContractDocument } from './model';
import { fillTemplate, type ContractTemplate } from './template';
import { CONTRACT_TEMPLATES, CONTRACT_TEMPLATE_IDS, type ContractTemplateId } from './templates/index';

export type ContractInput<I extends ContractTemplateId> = z.input<(typeof CONTRACT_TEMPLATES)[I]['schema']>;
export type ContractData<I extends ContractTemplateId> = z.output<(typeof CONTRACT_TEMPLATES)[I]['schema']>;

/** One problem with the input, naming the field by its path, e.g. `customer.name`. */
export interface ContractInputIssue {
  path: string;
  message: string;
}

export type ParsedContractInput<I extends ContractTemplateId> =
  | { ok: true; data: ContractData<I> }
  | { ok: false; issues: ContractInputIssue[] };

export class ContractInputError extends Error {
  constructor(
    readonly templateId: string,
    readonly issues: ContractInputIssue[],
  ) {
    super(`合同数据有误（模板 ${templateId}）：\n${issues.map((i) => `  ${i.path}：${i.message}`).join('\n')}`);
    this.name = 'ContractInputError';
  }
}

export function isContractTemplateId(s: string): s is ContractTemplateId {
  return (CONTRACT_TEMPLATE_IDS as string[]).includes(s);
}

export function getContractTemplate<I extends ContractTemplateId>(id: I): (typeof CONTRACT_TEMPLATES)[I] {
  return CONTRACT_TEMPLATES[id];
}

/** `customer.name`, `application.destinationNumbers[0]`; the whole input is `(根)`. */
export function issuePath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const k of path) s += typeof k === 'number' ? `[${k}]` : s ? `.${String(k)}` : String(k);
  return s || '(根)';
}

function toIssues(error: z.ZodError): ContractInputIssue[] {
  return error.issues.map((i) => {
    const message =
      i.code === 'unrecognized_keys'
        ? `不认识的字段：${i.keys.join('、')}`
        : i.code === 'invalid_type' && i.input === undefined
          ? '必填'
          : i.message;
    return { path: issuePath(i.path), message };
  });
}

/** Validates input for a template with the template's schema; never throws. */
export function parseContractInput<I extends ContractTemplateId>(templateId: I, input: unknown): ParsedContractInput<I> {
  const r = (CONTRACT_TEMPLATES[templateId].schema as z.ZodType).safeParse(input);
  if (r.success) return { ok: true, data: r.data as ContractData<I> };
  return { ok: false, issues: toIssues(r.error) };
}

/** Fills a template with already validated data into the document model (pure). */
export function buildContractDocument<S extends z.ZodType>(template: ContractTemplate<S>, data: z.output<S>): ContractDocument {
  return fillTemplate(template, template.fields(data), template.headerText(data));
}

/** Validates and builds in one step; throws ContractInputError naming every bad field. */
export function buildContract<I extends ContractTemplateId>(templateId: I, input: unknown): ContractDocument {
  const parsed = parseContractInput(templateId, input);
  if (!parsed.ok) throw new ContractInputError(templateId, parsed.issues);
  const template = CONTRACT_TEMPLATES[templateId] as unknown as ContractTemplate;
  return buildContractDocument(template, parsed.data);
}

/**
 * The input schema of a template as JSON Schema (for documentation and external tools). Checks
 * that JSON Schema cannot express (checksums of USCC and ID numbers, hotline segments, real
 * dates) are applied by the zod schema only.
 */
export function contractInputJsonSchema(templateId: ContractTemplateId): Record<string, unknown> {
  return z.toJSONSchema(CONTRACT_TEMPLATES[templateId].schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
