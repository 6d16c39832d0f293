import type { Db } from './connection.js';
import type { User } from '../../../shared/contract.js';
import type { Role } from '../../../shared/roles.js';
import type { Language } from '../../../shared/i18n/languages.js';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  disabled: number;
  language: string;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  last_login_at: string | null;
  roles: string | null;
}

export interface UserRecord extends User {
  passwordHash: string;
  failedLogins: number;
}

const SELECT_USER = `
  SELECT u.*, (SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id) AS roles
  FROM users u`;

function toRecord(r: UserRow): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    roles: r.roles ? (r.roles.split(',') as Role[]).sort() : [],
    disabled: r.disabled === 1,
    language: r.language as Language,
    lockedUntil: r.locked_until,
    createdAt: r.created_at,
    lastLoginAt: r.last_login_at,
    passwordHash: r.password_hash,
    failedLogins: r.failed_logins,
  };
}

/** The public view: never the hash or the failure counter. */
export function publicUser({ passwordHash: _hash, failedLogins: _failed, ...user }: UserRecord): User {
  return user;
}

export function findUserById(db: Db, id: string): UserRecord | undefined {
  const row = db.prepare(`${SELECT_USER} WHERE u.id = ?`).get(id) as UserRow | undefined;
  return row && toRecord(row);
}

export function findUserByUsername(db: Db, username: string): UserRecord | undefined {
  const row = db.prepare(`${SELECT_USER} WHERE u.username = ?`).get(username) as UserRow | undefined;
  return row && toRecord(row);
}

export function listUsers(db: Db): UserRecord[] {
  return (db.prepare(`${SELECT_USER} ORDER BY u.username`).all() as UserRow[]).map(toRecord);
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function countEnabledAdmins(db: Db): number {
  return (
    db
      .prepare(`SELECT count(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'admin' AND u.disabled = 0`)
      .get() as { n: number }
  ).n;
}

export function insertUser(
  db: Db,
  u: { id: string; username: string; displayName: string; passwordHash: string; roles: readonly Role[]; language: Language; createdAt: string },
): void {
  db.prepare(
    'INSERT INTO users (id, username, display_name, password_hash, language, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(u.id, u.username, u.displayName, u.passwordHash, u.language, u.createdAt);
  setRoles(db, u.id, u.roles);
}

export function setRoles(db: Db, userId: string, roles: readonly Role[]): void {
  db.prepare('DELETE FROM user_roles WHERE user_id = ?').run(userId);
  const insert = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
  for (const role of new Set(roles)) insert.run(userId, role);
}

type UserFields = {
  display_name: string;
  password_hash: string;
  disabled: number;
  language: string;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
};

export function updateUser(db: Db, id: string, fields: Partial<UserFields>): void {
  const keys = Object.keys(fields) as (keyof UserFields)[];
  if (!keys.length) return;
  db.prepare(`UPDATE users SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...fields, id });
}
