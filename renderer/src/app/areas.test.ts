import { describe, expect, it } from 'vitest';
import { AREAS, CRASH_TEST_AREA, loadAreaOfAddress } from './areas';
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

describe('loadAreaOfAddress', () => {
  const loads: string[] = [];
  const areas = ['customers', 'numbers'].map((id) => ({ ...AREAS[0]!, id, load: () => (loads.push(id), Promise.resolve({ default: () => null })) }));

  it('loads the area the hash opens, the first area for an empty hash, nothing for an unknown one', async () => {
    loads.length = 0;
    await loadAreaOfAddress('#/numbers/4001234567', areas);
    await loadAreaOfAddress('', areas);
    await loadAreaOfAddress('#/', areas);
    expect(loadAreaOfAddress('#/nowhere', areas)).toBeUndefined();
    expect(loads).toEqual(['numbers', 'customers', 'customers']);
  });
});
