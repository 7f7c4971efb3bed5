import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('scrypt password hashes', () => {
  it('verifies the right password only, with salt and cost stored in the hash', async () => {
    const h = await hashPassword('正确的密码123', 10);
    expect(h).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('正确的密码123', h)).toBe(true);
    expect(await verifyPassword('错误的密码123', h)).toBe(false);
    expect(await hashPassword('正确的密码123', 10)).not.toBe(h);
  });

  it('rejects malformed stored hashes', async () => {
    expect(await verifyPassword('x', 'plain')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$4$5')).toBe(false);
  });
});
