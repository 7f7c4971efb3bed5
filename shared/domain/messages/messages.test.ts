import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MESSAGES, isMessageCode } from './catalog';
import { formatMessage, placeholdersOf } from './format';
import { localizeCheck, localizeIssue } from './localize';
import { validateUscc } from '../validation/uscc';
import { validateMobile } from '../validation/mobile';
import { validateResidentId } from '../validation/residentId';
import { validateLandline } from '../validation/landline';
import { parseHotline } from '../hotline/parseHotline';
import { parseYuanToFen } from '../money/parseYuanToFen';
import { checkRenewal } from '../rules/renewal';
import { contactDraftSchema, customerDraftSchema } from '../schemas/customer';
import { requirementFormSchema } from '../schemas/serviceApplication';
import { contractDraftSchema } from '../schemas/contract';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

describe('message catalog', () => {
  it('has both languages for every code, with the same placeholders', () => {
    const codes = Object.keys(MESSAGES);
    expect(codes.length).toBeGreaterThan(40);
    for (const code of codes) {
      const t = MESSAGES[code as keyof typeof MESSAGES];
      expect(t['zh-CN'].trim(), code).not.toBe('');
      expect(t.en.trim(), code).not.toBe('');
      expect(CJK.test(t.en), `${code} en is English`).toBe(false);
      expect(placeholdersOf(t.en).sort(), code).toEqual(placeholdersOf(t['zh-CN']).sort());
    }
  });

  it('fills params and translates a label param', () => {
    expect(formatMessage('field.tooLong', { label: '企业名称', max: 200 })).toBe('企业名称不能超过 200 个字。');
    expect(formatMessage('field.tooLong', { label: '企业名称', max: 200 }, 'en')).toBe('Company name may have at most 200 characters.');
  });
});

describe('validators carry a code from which reason is built', () => {
  const failures = [
    validateUscc(''), validateUscc('91350100M000100Y4'), validateUscc('91350100I000100Y43'), validateUscc('91350100M000100Y44'),
    validateResidentId('110105491231002', '2026-11-22'), validateResidentId('110105194912310021', '2026-11-22'),
    validateMobile('1381234567'), validateMobile('12812345678'), validateMobile('abc'),
    validateLandline('0371-0123456'), validateLandline('010-1234567'), validateLandline('12345'),
    parseHotline('4003123456'), parseHotline('40081234'), parseYuanToFen('1.234', '收款金额'),
    checkRenewal(0, null), checkRenewal(90_000, 100_000),
  ];
  it.each(failures.map((f, i) => [i, f] as const))('failure %i: zh-CN is the reason, en is English', (_i, f) => {
    expect(f.ok).toBe(false);
    if (f.ok) return;
    expect(isMessageCode(f.code)).toBe(true);
    expect(localizeCheck(f, 'zh-CN')).toBe(f.reason);
    expect(f.reason).toBe(formatMessage(f.code as keyof typeof MESSAGES, f.params));
    const en = localizeCheck(f, 'en') ?? '';
    expect(en).not.toBe('');
    expect(CJK.test(en.replace(/“.*?”/g, ''))).toBe(false);
  });

  it('says what is wrong in English', () => {
    expect(localizeCheck(validateUscc('91350100M000100Y4'), 'en')).toBe(
      'The unified social credit code (USCC) must have 18 characters; it has 17.',
    );
    expect(localizeCheck(validateMobile('1381234567'), 'en')).toBe('A mobile number must have 11 digits; it has 10.');
    expect(localizeCheck(parseYuanToFen('-1', '收款金额'), 'en')).toBe('Amount received may not be negative.');
    expect(localizeCheck(validateMobile('13812345678'), 'en')).toBeNull();
    expect(localizeCheck(checkRenewal(90_000, 100_000), 'en')).toBe(
      'The renewal amount of 900.00 yuan is below the first renewal of 1,000.00 yuan; under article 4(2)8 of the agreement no renewal may be lower than the first.',
    );
  });

  it('falls back to the zh-CN reason for an unknown or missing code', () => {
    expect(localizeCheck({ ok: false, reason: '自由文字。' }, 'en')).toBe('自由文字。');
    expect(localizeCheck({ ok: false, reason: '自由文字。', code: 'no.such.code' }, 'en')).toBe('自由文字。');
    expect(localizeIssue({ message: 'zod 自己的消息' }, 'en')).toBe('zod 自己的消息');
  });
});

describe('schema issues translate', () => {
  const issuesOf = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
    r.error?.issues ?? [];

  it('every issue of a bad customer draft names the field in English and stays zh-CN otherwise', () => {
    const issues = issuesOf(
      customerDraftSchema.safeParse({
        name: '', uscc: '91350100M000100Y4', address: 'x'.repeat(301), landline: '0371-0123', handlerName: '',
        handlerIdNumber: '110105491231002', handlerMobile: '1381234567', email: 'nope',
      }),
    );
    expect(issues.length).toBeGreaterThanOrEqual(7);
    for (const issue of issues) {
      expect(localizeIssue(issue, 'zh-CN')).toBe(issue.message);
      const en = localizeIssue(issue, 'en');
      expect(CJK.test(en), `${String(issue.path[0])}: ${en}`).toBe(false);
    }
    const byField = Object.fromEntries(issues.map((i) => [String(i.path[0]), localizeIssue(i, 'en')]));
    expect(byField['handlerMobile']).toBe('Handler mobile: A mobile number must have 11 digits; it has 10.');
    expect(byField['uscc']).toBe('The unified social credit code (USCC) must have 18 characters; it has 17.');
    expect(byField['name']).toBe('Company name is required.');
  });

  it('the USCC checksum refinement and the contact rule carry their code', () => {
    const [uscc] = issuesOf(customerDraftSchema.safeParse({
      name: 'a', uscc: '91350100M000100Y44', address: 'a', landline: '0371-67891234', handlerName: 'a',
      handlerIdNumber: '11010519491231002X', handlerMobile: '13812345678', legalRepresentative: 'a',
    }));
    expect(uscc?.message).toContain('放行原因');
    expect(localizeIssue(uscc!, 'en')).toContain('a manager must give a reason');
    const contact = issuesOf(contactDraftSchema.safeParse({ customerId: crypto.randomUUID(), name: 'a', isPrimary: true }));
    expect(contact.map((i) => localizeIssue(i, 'en'))).toEqual(['A contact needs a mobile number or a landline.']);
  });

  it('requirement form and contract draft issues are English', () => {
    const issues = [
      ...issuesOf(requirementFormSchema.safeParse({ destinationNumbers: ['123'], termMonths: 0 })),
      ...issuesOf(requirementFormSchema.safeParse({ destinationNumbers: [] })),
      ...issuesOf(contractDraftSchema.safeParse({ kind: 'nope', status: 'x', hotlineDigits: '4003123456', amountFen: -1, monthlyMinimumFen: 1.5 })),
    ];
    expect(issues.length).toBeGreaterThan(8);
    for (const issue of issues) {
      const en = localizeIssue(issue, 'en');
      expect(CJK.test(en), `${issue.path.join('.')}: ${en}`).toBe(false);
    }
  });
});

describe('every entity schema speaks English', () => {
  it('issues of empty and wrongly typed records have no Chinese in English', async () => {
    const modules = await Promise.all([
      import('../schemas/callRecord'), import('../schemas/contract'), import('../schemas/customer'),
      import('../schemas/hotlineNumber'), import('../schemas/payment'), import('../schemas/serviceAccount'),
      import('../schemas/serviceApplication'), import('../schemas/servicePackage'), import('../schemas/user'),
    ]);
    const schemas = modules.flatMap((mod) =>
      Object.entries(mod).filter((e): e is [string, z.ZodType] => e[0].endsWith('Schema') && e[1] instanceof z.ZodType),
    );
    let seen = 0;
    for (const [name, schema] of schemas) {
      const shape = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
      const wrong = Object.fromEntries(shape.map((k) => [k, true]));
      for (const input of [{}, wrong]) {
        const r = schema.safeParse(input);
        for (const issue of r.error?.issues ?? []) {
          seen++;
          const en = localizeIssue(issue, 'en');
          expect(CJK.test(en), `${name}.${issue.path.join('.')}: ${en}`).toBe(false);
        }
      }
    }
    expect(seen).toBeGreaterThan(200);
  });
});
