import { describe, expect, it } from 'vitest';
import { LANGUAGES, namespaces, resources } from './index';

function keysOf(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('locales', () => {
  it('every language has every namespace, with the same keys', () => {
    expect(namespaces.length).toBeGreaterThan(0);
    for (const ns of namespaces) {
      const zh = keysOf(resources['zh-CN']?.[ns]).sort();
      for (const language of LANGUAGES) {
        expect({ ns, language, keys: keysOf(resources[language]?.[ns]).sort() }).toEqual({ ns, language, keys: zh });
      }
    }
  });

  it('has no empty texts', () => {
    for (const language of LANGUAGES) {
      for (const ns of namespaces) {
        const walk = (node: unknown): void => {
          if (typeof node === 'string') expect(node.trim(), `${language}/${ns}`).not.toBe('');
          else if (node && typeof node === 'object') Object.values(node).forEach(walk);
        };
        walk(resources[language]?.[ns]);
      }
    }
  });
});
