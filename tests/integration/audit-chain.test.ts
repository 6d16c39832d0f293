import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBackend, type TestBackend } from '../support/backend.js';
import { DATABASE_FILE } from '../../electron/core/backend.js';
import { verifyAuditChain } from '../../electron/core/db/audit-repo.js';

let t: TestBackend;
let admin: string;

beforeEach(async () => {
  t = makeBackend();
  admin = await t.setup();
  await t.userWith(admin, 'xiaoli', ['officer']);
  await t.ok('unit.update', { ...(await t.ok('unit.get', {}, admin)), parentName: '湛江市政府' }, admin);
});
afterEach(() => t.close());

/** Tampering the way a person with the sqlite3 command line would: the triggers have to go first. */
function sqlite(sql: string): void {
  execFileSync('sqlite3', [join(t.dataDir, DATABASE_FILE), `DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; ${sql}`]);
}

describe('the audit chain', () => {
  it('records every state-changing command with actor, action and target', async () => {
    const { entries, total } = await t.ok('audit.list', { limit: 50 }, admin);
    expect(entries.map((e) => e.action)).toEqual(['unit.update', 'auth.login', 'users.create', 'setup.complete']);
    expect(total).toBe(4);
    expect(entries[2]).toMatchObject({ actorName: 'admin', targetType: 'user', summary: 'xiaoli [officer]' });
    expect(await t.ok('audit.verify', {}, admin)).toEqual({ ok: true, checked: 4, firstBroken: null });
  });

  it('cannot be edited through SQL while its triggers stand', () => {
    expect(() =>
      execFileSync('sqlite3', [join(t.dataDir, DATABASE_FILE), "UPDATE audit_log SET summary = 'x' WHERE seq = 2"], { stdio: 'pipe' }),
    ).toThrow(/append-only/);
  });

  it('finds a row edited with the sqlite3 command line', async () => {
    t.backend.close();
    sqlite("UPDATE audit_log SET summary = 'xiaoli [admin]' WHERE seq = 2;");
    const reopened = makeBackend(t.dataDir);
    const session = (await reopened.ok('auth.login', { username: 'admin', password: 'Admin12345' })).sessionId;
    expect(await reopened.ok('audit.verify', {}, session)).toEqual({ ok: false, checked: 1, firstBroken: { seq: 2, reason: 'hash_mismatch' } });
    t = reopened;
  });

  it('finds a deleted row, and a deleted newest row', async () => {
    t.backend.close();
    sqlite('DELETE FROM audit_log WHERE seq = 3;');
    let reopened = makeBackend(t.dataDir);
    const session = (await reopened.ok('auth.login', { username: 'admin', password: 'Admin12345' })).sessionId;
    expect((await reopened.ok('audit.verify', {}, session)).firstBroken).toEqual({ seq: 3, reason: 'missing_entry' });
    reopened.backend.close();

    sqlite('DELETE FROM audit_log WHERE seq >= 3;');
    reopened = makeBackend(t.dataDir);
    // Check the chain directly: logging in would append a new, valid-looking tail.
    expect(verifyAuditChain(reopened.backend.db).firstBroken).toEqual({ seq: 3, reason: 'missing_entry' });
    t = reopened;
  });
});
