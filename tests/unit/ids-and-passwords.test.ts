import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../electron/core/ids.js';
import { hashPassword, isStrongEnough, verifyPassword } from '../../electron/core/password.js';

describe('uuidv7', () => {
  it('is a version-7 UUID that sorts by creation time', () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => uuidv7())).size).toBe(1000);
  });
});

describe('passwords', () => {
  it('hash with a per-user salt and verify', async () => {
    const [h1, h2] = await Promise.all([hashPassword('政务公开2026'), hashPassword('政务公开2026')]);
    expect(h1).not.toBe(h2);
    expect(h1).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('政务公开2026', h1)).toBe(true);
    expect(await verifyPassword('政务公开2027', h1)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });

  it.each([
    ['Passw0rd', true],
    ['政务公开工作台2026', true],
    ['abcdefgh', false],
    ['12345678', false],
    ['Ab1', false],
  ])('%s is strong enough: %s', (password, expected) => {
    expect(isStrongEnough(password)).toBe(expected);
  });
});
