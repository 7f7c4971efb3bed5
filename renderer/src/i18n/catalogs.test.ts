import { describe, expect, it } from 'vitest';
import { MESSAGES, placeholdersOf } from '../../../shared';
import { LANGUAGES, namespaces, resources } from './index';

/**
 * Walks every catalog the UI shows text from — the i18next namespaces (locales/<lang>/<ns>.json)
 * and the domain message catalog (shared/domain/messages) — and checks that each zh-CN text has
 * an English twin and each English text a zh-CN one, and that both use the same params.
 */

type Leaves = Map<string, string>;

function leavesOf(node: unknown, prefix = '', out: Leaves = new Map()): Leaves {
  if (typeof node === 'string') out.set(prefix, node);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) leavesOf(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, String(node));
  return out;
}

/** i18next interpolations `{{name}}` (and `{{name, format}}`) and nestings `$t(key)`. */
function i18nParams(text: string): string[] {
  const params = [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? '');
  const nested = [...text.matchAll(/\$t\(([^),]+)/g)].map((m) => `$t:${m[1] ?? ''}`);
  return [...new Set([...params, ...nested])].sort();
}

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

describe('i18next catalogs', () => {
  const [zhLang, enLang] = ['zh-CN', 'en'] as const;

  it('knows both languages and the same namespaces in each', () => {
    expect([...LANGUAGES].sort()).toEqual([enLang, zhLang].sort());
    for (const ns of namespaces) {
      expect(resources[zhLang]?.[ns], `zh-CN/${ns}`).toBeDefined();
      expect(resources[enLang]?.[ns], `en/${ns}`).toBeDefined();
    }
  });

  it.each(namespaces)('%s: every zh-CN key has an English twin and vice versa, with the same params', (ns) => {
    const zh = leavesOf(resources[zhLang]?.[ns]);
    const en = leavesOf(resources[enLang]?.[ns]);
    expect(zh.size).toBeGreaterThan(0);
    const missingInEn = [...zh.keys()].filter((k) => !en.has(k));
    const missingInZh = [...en.keys()].filter((k) => !zh.has(k));
    expect({ ns, missingInEn, missingInZh }).toEqual({ ns, missingInEn: [], missingInZh: [] });
    for (const [key, zhText] of zh) {
      const enText = en.get(key) ?? '';
      expect({ key: `${ns}:${key}`, params: i18nParams(enText) }).toEqual({ key: `${ns}:${key}`, params: i18nParams(zhText) });
    }
  });

  it('English texts have no Chinese (but the name of the Chinese language in the language switch)', () => {
    const offenders: string[] = [];
    for (const ns of namespaces) {
      for (const [key, text] of leavesOf(resources[enLang]?.[ns])) {
        if (`${ns}:${key}` !== 'shell:language.zh-CN' && CJK.test(text)) offenders.push(`${ns}:${key}: ${text}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('domain message catalog', () => {
  const codes = Object.keys(MESSAGES) as (keyof typeof MESSAGES)[];

  it('every code has zh-CN and English texts using the same params', () => {
    expect(codes.length).toBeGreaterThan(100);
    for (const code of codes) {
      const t = MESSAGES[code];
      expect(t['zh-CN'].trim(), code).not.toBe('');
      expect(t.en.trim(), code).not.toBe('');
      expect({ code, params: placeholdersOf(t.en).sort() }).toEqual({ code, params: placeholdersOf(t['zh-CN']).sort() });
      expect(CJK.test(t.en), `${code} en: ${t.en}`).toBe(false);
    }
  });
});
