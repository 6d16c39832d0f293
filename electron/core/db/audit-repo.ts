import { createHash } from 'node:crypto';
import type { Db } from './connection.js';
import type { AuditEntry } from '../../../shared/contract.js';
import { getSetting, setSetting } from './settings-repo.js';

const GENESIS = '0'.repeat(64);
/** The last seq and hash, kept beside the chain so that deleting the newest rows is noticed too. */
const HEAD_KEY = 'audit.head';

interface AuditRow {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string | null;
  summary: string;
  prev_hash: string;
  hash: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'seq'>;

function entryHash(prevHash: string, e: AuditEntry): string {
  const canonical = JSON.stringify([e.seq, e.at, e.actorId, e.actorName, e.action, e.targetType, e.targetId, e.summary]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    summary: r.summary,
  };
}

/** Appends one entry. Call inside the transaction of the change it records. */
export function appendAudit(db: Db, entry: NewAuditEntry): AuditEntry {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const full: AuditEntry = { seq: (last?.seq ?? 0) + 1, ...entry };
  const prevHash = last?.hash ?? GENESIS;
  const hash = entryHash(prevHash, full);
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor_id, actor_name, action, target_type, target_id, summary, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(full.seq, full.at, full.actorId, full.actorName, full.action, full.targetType, full.targetId, full.summary, prevHash, hash);
  setSetting(db, HEAD_KEY, { seq: full.seq, hash });
  return full;
}

export function listAudit(db: Db, beforeSeq: number | undefined, limit: number): { entries: AuditEntry[]; total: number } {
  const rows = db
    .prepare('SELECT * FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?')
    .all(beforeSeq ?? Number.MAX_SAFE_INTEGER, limit) as AuditRow[];
  const { total } = db.prepare('SELECT count(*) AS total FROM audit_log').get() as { total: number };
  return { entries: rows.map(toEntry), total };
}

export type ChainBreak = { seq: number; reason: 'hash_mismatch' | 'link_mismatch' | 'missing_entry' };

/** Walks the chain from the start and reports the first entry that does not fit. */
export function verifyAuditChain(db: Db): { checked: number; firstBroken: ChainBreak | null } {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    if (row.seq !== expectedSeq) return { checked, firstBroken: { seq: expectedSeq, reason: 'missing_entry' } };
    if (row.prev_hash !== prevHash) return { checked, firstBroken: { seq: row.seq, reason: 'link_mismatch' } };
    if (entryHash(prevHash, toEntry(row)) !== row.hash) return { checked, firstBroken: { seq: row.seq, reason: 'hash_mismatch' } };
    prevHash = row.hash;
    expectedSeq++;
    checked++;
  }
  const head = getSetting<{ seq: number; hash: string }>(db, HEAD_KEY);
  if (head && (head.seq !== expectedSeq - 1 || head.hash !== prevHash)) {
    return { checked, firstBroken: { seq: expectedSeq, reason: 'missing_entry' } };
  }
  return { checked, firstBroken: null };
}
