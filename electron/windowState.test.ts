import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, loadWindowState, parseWindowState, placeWindow, saveWindowState } from './windowState';
import type { Rect } from './windowState';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

const inside = (r: Rect, area: Rect) =>
  r.x >= area.x && r.y >= area.y && r.x + r.width <= area.x + area.width && r.y + r.height <= area.y + area.height;

describe('placeWindow', () => {
  it('centres the default size on the primary display when nothing was saved', () => {
    expect(placeWindow(null, [laptop, rightMonitor])).toEqual({
      bounds: { x: 320, y: 120, ...DEFAULT_WINDOW_SIZE },
      maximized: false,
    });
  });

  it('restores a window that fits where it was', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1400, height: 900 }, maximized: true };
    expect(placeWindow(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('pulls a window hanging off the edge fully back onto its display', () => {
    const saved = { bounds: { x: 1500, y: 600, width: 1000, height: 700 }, maximized: false };
    // overlaps the laptop by 420x440 and the monitor by 580x700: goes to the monitor
    expect(placeWindow(saved, [laptop, rightMonitor]).bounds).toEqual({ x: 1920, y: 600, width: 1000, height: 700 });
  });

  it('centres a window from a display that is no longer attached on the primary display', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1400, height: 900 }, maximized: false };
    expect(placeWindow(saved, [laptop]).bounds).toEqual({ x: 260, y: 70, width: 1400, height: 900 });
  });

  it('shrinks a window bigger than its display, but not below the minimum the display allows', () => {
    const small: Rect = { x: 0, y: 0, width: 1024, height: 700 };
    expect(placeWindow({ bounds: { x: 0, y: 0, width: 3000, height: 2000 }, maximized: false }, [small]).bounds).toEqual(small);
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 500 };
    expect(placeWindow({ bounds: { x: 0, y: 0, width: 200, height: 100 }, maximized: false }, [tiny]).bounds).toEqual(tiny);
    expect(placeWindow({ bounds: { x: 10, y: 10, width: 200, height: 100 }, maximized: false }, [laptop]).bounds).toEqual({
      x: 10, y: 10, ...MIN_WINDOW_SIZE,
    });
  });

  it('handles displays left of and above the primary (negative coordinates)', () => {
    const leftMonitor: Rect = { x: -1680, y: -200, width: 1680, height: 1010 };
    const saved = { bounds: { x: -1800, y: -300, width: 1200, height: 800 }, maximized: false };
    expect(placeWindow(saved, [laptop, leftMonitor]).bounds).toEqual({ x: -1680, y: -200, width: 1200, height: 800 });
  });

  it('works with no display information at all', () => {
    expect(placeWindow(null, []).bounds).toEqual({ x: 0, y: 0, ...DEFAULT_WINDOW_SIZE });
  });

  it('always returns a window entirely inside one attached display (property)', () => {
    const rect = fc.record({
      x: fc.integer({ min: -10_000, max: 10_000 }),
      y: fc.integer({ min: -10_000, max: 10_000 }),
      width: fc.integer({ min: 1, max: 8000 }),
      height: fc.integer({ min: 1, max: 5000 }),
    });
    const area = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 640, max: 5120 }),
      height: fc.integer({ min: 480, max: 2880 }),
    });
    fc.assert(
      fc.property(fc.option(rect, { nil: null }), fc.array(area, { minLength: 1, maxLength: 4 }), (saved, areas) => {
        const placed = placeWindow(saved ? { bounds: saved, maximized: false } : null, areas);
        expect(areas.some((a) => inside(placed.bounds, a))).toBe(true);
      }),
    );
  });
});

describe('parseWindowState', () => {
  it('accepts a saved state and defaults maximized', () => {
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 3, height: 4 } })).toEqual({
      bounds: { x: 1, y: 2, width: 3, height: 4 },
      maximized: false,
    });
  });

  it.each([
    [null],
    ['{}'],
    [{ bounds: { x: 0, y: 0, width: 0, height: 10 } }],
    [{ bounds: { x: 0.5, y: 0, width: 10, height: 10 } }],
    [{ bounds: { x: 0, y: 0, width: 10 } }],
  ])('refuses %j', (raw) => {
    expect(parseWindowState(raw)).toBeNull();
  });
});

describe('window state file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hotline-window-state-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips through the JSON file', () => {
    const file = path.join(dir, 'nested', 'window-state.json');
    const state = { bounds: { x: 10, y: 20, width: 1300, height: 850 }, maximized: true };
    saveWindowState(file, state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    expect(loadWindowState(file)).toEqual(state);
  });

  it('treats a missing or damaged file as nothing saved', () => {
    expect(loadWindowState(path.join(dir, 'missing.json'))).toBeNull();
    const damaged = path.join(dir, 'damaged.json');
    writeFileSync(damaged, '{"bounds": {"x": 1,');
    expect(loadWindowState(damaged)).toBeNull();
  });
});
