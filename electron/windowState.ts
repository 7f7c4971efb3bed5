/**
 * Remembering the main window's size and position: the pure part (validating what was saved and
 * placing the window so it is visible on the displays attached now) and a tiny JSON file store.
 */
import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;

const RectSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
const WindowStateSchema = z.object({ bounds: RectSchema, maximized: z.boolean().default(false) });

/** What was saved, or null when the file is missing, damaged or from an incompatible version. */
export function parseWindowState(raw: unknown): WindowState | null {
  const result = WindowStateSchema.safeParse(raw);
  return result.success ? result.data : null;
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

function fitInto(size: { width: number; height: number }, area: Rect): { width: number; height: number } {
  return {
    width: clamp(size.width, Math.min(MIN_WINDOW_SIZE.width, area.width), area.width),
    height: clamp(size.height, Math.min(MIN_WINDOW_SIZE.height, area.height), area.height),
  };
}

function centredIn(size: { width: number; height: number }, area: Rect): Rect {
  const fitted = fitInto(size, area);
  return {
    ...fitted,
    x: area.x + Math.round((area.width - fitted.width) / 2),
    y: area.y + Math.round((area.height - fitted.height) / 2),
  };
}

const FALLBACK_WORK_AREA: Rect = { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };

/**
 * Where to open the window. `workAreas` are the displays' work areas (screen minus task bars),
 * primary first. The saved window goes back on the display it overlaps most, shrunk to fit and
 * moved fully inside it; a window saved on a display that is no longer attached (no overlap at
 * all) is centred on the primary display at its saved size. Nothing saved: default size, centred.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? FALLBACK_WORK_AREA;
  if (!saved) return { bounds: centredIn(DEFAULT_WINDOW_SIZE, primary), maximized: false };

  let best: Rect | null = null;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(saved.bounds, area);
    if (overlap > bestOverlap) {
      best = area;
      bestOverlap = overlap;
    }
  }
  if (!best) return { bounds: centredIn(saved.bounds, primary), maximized: saved.maximized };

  const size = fitInto(saved.bounds, best);
  return {
    bounds: {
      ...size,
      x: clamp(saved.bounds.x, best.x, best.x + best.width - size.width),
      y: clamp(saved.bounds.y, best.y, best.y + best.height - size.height),
    },
    maximized: saved.maximized,
  };
}

/** Reads the saved state; any problem (no file, bad JSON, wrong shape) means "nothing saved". */
export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/** Writes through a temporary file and a rename, so a crash mid-write never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
  renameSync(temporary, file);
}
