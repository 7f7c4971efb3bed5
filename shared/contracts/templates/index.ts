// The contract templates by id. A new template version keeps its old version here as long as
// signed snapshots may refer to it, so a reprint is identical.
import { access4008 } from './access-4008';
import { agreement400 } from './agreement-400';
import { completionForm } from './completion-form';

export const CONTRACT_TEMPLATES = {
  'agreement-400': agreement400,
  'access-4008': access4008,
  'completion-form': completionForm,
} as const;

export type ContractTemplateId = keyof typeof CONTRACT_TEMPLATES;
export const CONTRACT_TEMPLATE_IDS = Object.keys(CONTRACT_TEMPLATES) as ContractTemplateId[];

export { agreement400, agreement400Schema } from './agreement-400';
export type { Agreement400Data, Agreement400Input } from './agreement-400';
export { access4008, access4008Schema } from './access-4008';
export type { Access4008Data, Access4008Input } from './access-4008';
export { completionForm, completionFormSchema } from './completion-form';
export type { CompletionFormData, CompletionFormInput } from './completion-form';
