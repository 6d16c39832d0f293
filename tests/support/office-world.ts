/**
 * A small office for hostile-input tests: one user per role, items in each stage of their life, a
 * queued publishing job. Built once through the gate, then copied (the database file) for each test
 * that needs a fresh one, with sessions minted directly so no password hashing is repeated.
 */
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Statement } from 'better-sqlite3';
import { openBackend, type Backend } from '../../electron/core/backend.js';
import { contentHash } from '../../electron/core/services/review.js';
import { findEdition } from '../../electron/core/db/items-repo.js';
import { ROLES, type Role } from '../../shared/roles.js';
import { makeBackend, silentLog, tempDir, TestClock } from './backend.js';
import { fields } from './items.js';
import type { Pools } from './schema-arbitrary.js';

export const PASSWORD = 'Passw0rd!';
/** Who calls: nobody, a locked session, or a signed-in user holding exactly one role. */
export const CALLERS = ['none', 'locked', ...ROLES] as const;
export type Caller = (typeof CALLERS)[number];

export interface WorldTemplate {
  dataDir: string;
  userIds: Record<Role | 'officer2', string>;
  editions: { draft: string; submitted: string; reviewed: string; queued: string };
  items: string[];
  attachmentId: string;
  pools: Pools;
}

/** Records a sign-off as the review would (the review rules themselves are tested in review.test.ts). */
export function signOff(backend: Backend, editionId: string, reviewerId: string): void {
  const hash = contentHash(backend.context(null), findEdition(backend.db, editionId)!);
  backend.db.prepare("INSERT INTO reviews (edition_id, decision, reviewer_id, decided_at, content_hash) VALUES (?, 'approve', ?, ?, ?)").run(editionId, reviewerId, '2026-03-02T01:00:00.000Z', hash);
  backend.db.prepare("UPDATE editions SET status = 'reviewed' WHERE id = ?").run(editionId);
}

export async function buildWorld(): Promise<WorldTemplate> {
  const t = makeBackend();
  const admin = await t.setup();
  const officer = await t.userWith(admin, 'officer1', ['officer']);
  const officer2 = await t.userWith(admin, 'officer2', ['officer']);
  const reviewer = await t.userWith(admin, 'reviewer1', ['reviewer']);
  const approver = await t.userWith(admin, 'approver1', ['approver']);
  const adminId = (await t.ok('auth.me', {}, admin)).id;
  const category = (await t.ok('categories.list', {}, admin)).find((c) => c.id === 'notice')!;
  await t.ok('categories.save', { ...category, columnId: 'tzgg' }, admin);
  await t.ok('publishing.configure', { siteUrl: 'http://127.0.0.1:9/', token: 'site-token-0123456789' }, admin);
  const create = (title: string) => t.ok('items.create', { categoryId: 'notice', fields: fields({ title, documentNumber: '' }), bodyHtml: `<p>${title}正文。</p>` }, officer.session);
  const draft = await create('草稿通知');
  const withFile = await t.ok('attachments.add', { editionId: draft.id, fileName: '附件.txt', dataBase64: Buffer.from('附件内容').toString('base64') }, officer.session);
  const submitted = await create('已提交通知');
  await t.ok('workflow.submit', { editionId: submitted.id }, officer.session);
  const reviewed = await create('已审核通知');
  await t.ok('workflow.submit', { editionId: reviewed.id }, officer.session);
  signOff(t.backend, reviewed.id, reviewer.id);
  const queued = await create('已签发通知');
  await t.ok('workflow.submit', { editionId: queued.id }, officer.session);
  signOff(t.backend, queued.id, reviewer.id);
  await t.ok('publishing.approve', { editionId: queued.id, password: PASSWORD }, approver.session);
  t.backend.close();

  const userIds = { admin: adminId, officer: officer.id, officer2: officer2.id, reviewer: reviewer.id, approver: approver.id };
  const editions = { draft: draft.id, submitted: submitted.id, reviewed: reviewed.id, queued: queued.id };
  const items = [draft, submitted, reviewed, queued].map((e) => e.itemId);
  const attachmentId = withFile.attachments[0]!.id;
  const pools: Pools = {
    ids: [...Object.values(userIds), ...Object.values(editions), ...items, attachmentId, 'notice', 'gov_document', 'no-such-id'],
    passwords: [PASSWORD, 'Admin12345', 'wrong-password'],
    integers: [1, 2, 0, -1],
  };
  return { dataDir: t.dataDir, userIds, editions, items, attachmentId, pools };
}

export interface World {
  backend: Backend;
  clock: TestClock;
  dataDir: string;
  /** A fresh session for each caller (null for 'none'). */
  sessions(): Record<Caller, string | null>;
  close(): void;
}

/** A copy of the template's data, opened as a new backend. */
export function openWorld(template: WorldTemplate, log = silentLog): World {
  const dataDir = tempDir('gongkai-world-');
  cpSync(template.dataDir, dataDir, { recursive: true });
  const clock = new TestClock();
  const backend = openBackend({ dataDir, mode: 'browser', clock, log });
  return {
    backend,
    clock,
    dataDir,
    sessions() {
      const locked = backend.sessions.create(template.userIds.officer);
      backend.sessions.lock(locked);
      const byRole = Object.fromEntries(ROLES.map((role) => [role, backend.sessions.create(template.userIds[role])]));
      return { none: null, locked, ...byRole } as Record<Caller, string | null>;
    },
    close() {
      backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function removeWorld(template: WorldTemplate): void {
  rmSync(template.dataDir, { recursive: true, force: true });
}

/** One statement per table that folds all its rows into a string, in SQLite (fast even for the calendar). */
const fingerprints = new WeakMap<Backend, { name: string; statement: Statement }[]>();

function tableFingerprints(backend: Backend): { name: string; statement: Statement }[] {
  let cached = fingerprints.get(backend);
  if (!cached) {
    const tables = backend.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").all() as { name: string }[];
    cached = tables.map(({ name }) => {
      const columns = (backend.db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]).map((c) => `quote("${c.name}")`);
      return { name, statement: backend.db.prepare(`SELECT count(*) || ':' || coalesce(group_concat(${columns.join(" || ',' || ")}, '|'), '') AS rows FROM "${name}"`) };
    });
    fingerprints.set(backend, cached);
  }
  return cached;
}

/**
 * Everything a failed call must leave as it was: every table's rows and every stored file.
 * Virtual-table shadow tables are included: a half-written search index is a partial write too.
 */
export function snapshot(backend: Backend, dataDir: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const { name, statement } of tableFingerprints(backend)) state[name] = createHash('sha256').update((statement.get() as { rows: string }).rows).digest('hex');
  // Stored files are named by their SHA-256, so their names say what they hold.
  state.files = listFiles(join(dataDir, 'files')).join('\n');
  return state;
}

function listFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [name];
  });
}
