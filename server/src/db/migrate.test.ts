import { describe, expect, it } from 'vitest';
import { loadMigrations } from './migrate';

describe('migrations', () => {
  it('are numbered 0001, 0002, … without gaps and carry checksums', () => {
    const ms = loadMigrations();
    expect(ms.length).toBeGreaterThan(0);
    ms.forEach((m, i) => {
      expect(m.version).toBe(i + 1);
      expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  it('use only SQL both PostgreSQL 15 and PGlite (PostgreSQL 18) accept: no engine-specific syntax', () => {
    for (const m of loadMigrations()) {
      expect(m.sql).not.toMatch(/\bUUIDV7\(|\bgen_random_uuid\(|\bVIRTUAL\b|\bWITHOUT OVERLAPS\b/i);
    }
  });
});
