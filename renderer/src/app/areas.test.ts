import { describe, expect, it } from 'vitest';
import { AREAS, CRASH_TEST_AREA } from './areas';
import { resources } from '../i18n';

function lookup(language: string, key: string): unknown {
  const [ns, path] = key.split(':') as [string, string];
  return path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources[language]?.[ns]);
}

// That every area's module loads and renders is proven in the browser (tests/shell.spec.ts).
describe('area registry', () => {
  it('lists the areas of the application in navigation order, each once', () => {
    expect(AREAS.map((a) => a.id)).toEqual(['customers', 'numbers', 'packages', 'applications', 'contracts', 'billing', 'dashboard', 'sync', 'settings']);
  });

  it('has a label for every area in every language', () => {
    for (const area of [...AREAS, CRASH_TEST_AREA]) {
      for (const language of ['zh-CN', 'en']) {
        expect(typeof lookup(language, area.labelKey), `${language} ${area.labelKey}`).toBe('string');
      }
    }
  });
});
