import { describe, expect, it } from 'vitest';
import { AREAS, CRASH_TEST_AREA, preloadAreas } from './areas';
import { resources } from '../i18n';

function lookup(language: string, key: string): unknown {
  const [ns, path] = key.split(':') as [string, string];
  return path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources[language]?.[ns]);
}

describe('area registry', () => {
  it('lists the areas of the application in navigation order, each once', () => {
    expect(AREAS.map((a) => a.id)).toEqual(['customers', 'numbers', 'applications', 'contracts', 'billing', 'sync', 'settings']);
  });

  it('has a label for every area in every language', () => {
    for (const area of [...AREAS, CRASH_TEST_AREA]) {
      for (const language of ['zh-CN', 'en']) {
        expect(typeof lookup(language, area.labelKey), `${language} ${area.labelKey}`).toBe('string');
      }
    }
  });

  it('every area module loads and has a component as its default export', async () => {
    for (const area of AREAS) {
      const module = await area.load();
      expect(typeof module.default, area.id).toBe('function');
    }
    await expect(preloadAreas()).resolves.toBeUndefined();
  });
});
