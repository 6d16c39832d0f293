/**
 * Loads a demo data set into an empty store: published editions as publishing.approve and the
 * sync worker leave them (review sign-off and approval bound to the content hash, the website's
 * confirmation in site_items), the error report in the complaints register, all written with
 * prepared statements in one transaction, indexed for search, with one audit entry for the load.
 */
import { createHash } from 'node:crypto';
import type { Ctx } from '../context.js';
import { AppError } from '../../../shared/errors.js';
import { formatIndexNumber, serialScope } from '../../../shared/domain/index-number.js';
import { dayInfo } from '../../../shared/domain/working-days.js';
import { insertEdition, insertItem } from '../db/items-repo.js';
import { findUserByUsername, insertUser, updateUser } from '../db/users-repo.js';
import { DUMMY_HASH } from '../password.js';
import { indexTokens } from '../search/bigram-tokens.js';
import { record } from '../services/audit-trail.js';
import { catalogueSettings } from '../services/catalogue-settings.js';
import { listCategories, save as saveCategory } from '../services/categories.js';
import { workCalendar } from '../services/calendar.js';
import { reviewSettings } from '../services/review.js';
import { canonicalContent } from '../../../shared/domain/review-rules.js';
import { readUnit } from '../services/setup.js';
import { leizhou2018, type DemoSet } from './leizhou-2018.js';
import { seeded } from '../../../shared/seeded-random.js';
import { seededUuidv7 } from './random.js';

export const DEMO_SETS = { 'leizhou-2018': leizhou2018 } as const;
export type DemoSetName = keyof typeof DEMO_SETS;
export const DEMO_SET_NAMES = Object.keys(DEMO_SETS) as [DemoSetName, ...DemoSetName[]];

/** Registers whose rows make a store "not empty". */
const REGISTERS = ['items', 'requests', 'complaints', 'appeals'];

/** Refuses unless every register is empty and none of the set's staff accounts exists yet. */
function requireEmpty(ctx: Ctx, set: DemoSet): void {
  for (const table of REGISTERS) {
    const { n } = ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
    if (n > 0) throw new AppError('demo.store_not_empty', { table, count: n });
  }
  const taken = set.staff.find((s) => findUserByUsername(ctx.db, s.username));
  if (taken) throw new AppError('demo.store_not_empty', { table: 'users', count: 1 });
}

export function loadDemoSet(ctx: Ctx, name: DemoSetName): { name: string; items: number; staff: number } {
  const calendar = workCalendar(ctx);
  const set = DEMO_SETS[name]((date) => dayInfo(calendar, date).workday);
  const random = seeded(set.year);
  const { indexPattern } = catalogueSettings(ctx);
  const unitCode = readUnit(ctx)?.code ?? set.unitCode;
  const checklist = reviewSettings(ctx).checklist;
  const yearStart = Date.UTC(set.year, 0, 1);

  ctx.db.transaction(() => {
    requireEmpty(ctx, set);
    // Staff accounts the records name as authors, reviewers and the approver: disabled, with no
    // usable password, until an administrator enables one and sets its password.
    const staff = new Map<string, string>();
    for (const s of set.staff) {
      const id = seededUuidv7(random, yearStart);
      insertUser(ctx.db, { id, username: s.username, displayName: s.displayName, passwordHash: DUMMY_HASH, roles: s.roles, language: 'zh-CN', createdAt: new Date(yearStart).toISOString() });
      updateUser(ctx.db, id, { disabled: 1 });
      staff.set(s.key, id);
    }
    for (const category of listCategories(ctx)) {
      const renamed = set.categoryNames[category.id];
      if (renamed && renamed !== category.name) saveCategory(ctx, { ...category, name: renamed });
    }

    const insertReview = ctx.db.prepare(
      `INSERT INTO reviews (edition_id, answers, decision, reviewer_id, decided_at, content_hash) VALUES (?, ?, 'approve', ?, ?, ?)`,
    );
    const insertApproval = ctx.db.prepare('INSERT INTO approvals (edition_id, approver_id, approved_at, content_hash) VALUES (?, ?, ?, ?)');
    const settle = ctx.db.prepare('UPDATE editions SET status = ?, current = ?, change_note = ?, updated_at = ? WHERE id = ?');
    const confirm = ctx.db.prepare('INSERT INTO site_items (item_id, edition, content_hash, url, published_at) VALUES (?, ?, ?, ?, ?)');
    // The search index as indexEdition() writes it, and the 索引号 serials as nextSerial() hands
    // them out, with the statements prepared once: 5,000 items must load in seconds.
    const index = ctx.db.prepare('INSERT INTO edition_search (rowid, title, summary, body, document_number) VALUES (?, ?, ?, ?, ?)');
    const serials = new Map<string, number>();
    const lastSerial = ctx.db.prepare('SELECT last_serial FROM index_counters WHERE scope = ?').pluck();
    const takeSerial = (scope: string) => {
      const next = (serials.get(scope) ?? ((lastSerial.get(scope) as number | undefined) ?? 0)) + 1;
      serials.set(scope, next);
      return next;
    };
    const link = ctx.db.prepare('INSERT INTO interpretation_links (interpretation_item_id, document_item_id, created_by, created_at) VALUES (?, ?, ?, ?)');

    const itemIds = new Map<string, string>();
    const ordered = [...set.items].sort((a, b) => a.editions[0]!.createdAt.localeCompare(b.editions[0]!.createdAt));
    for (const item of ordered) {
      const first = item.editions[0]!;
      const itemId = seededUuidv7(random, Date.parse(first.createdAt));
      const written = first.fields.writtenDate!;
      const indexNumber = formatIndexNumber(indexPattern, { code: unitCode, date: written, serial: takeSerial(serialScope(indexPattern, written)) });
      const authorId = staff.get(item.author)!;
      insertItem(ctx.db, { id: itemId, indexNumber, createdBy: authorId, createdAt: first.createdAt });
      itemIds.set(item.ref, itemId);
      item.editions.forEach((e, i) => {
        const last = i === item.editions.length - 1;
        const editionId = seededUuidv7(random, Date.parse(e.createdAt));
        // Plain paragraphs: the HTML and the text htmlToPlainText would make of it, without parsing.
        const content = { ...e.fields, categoryId: item.categoryId, bodyHtml: e.body.map((p) => `<p>${p}</p>`).join(''), bodyText: e.body.join('\n') };
        const rowid = insertEdition(ctx.db, { ...content, id: editionId, itemId, number: i + 1, status: 'published', authorId, at: e.createdAt });
        settle.run(last ? 'published' : 'superseded', last ? 1 : 0, e.changeNote, last ? e.publishedAt : item.editions[i + 1]!.publishedAt, editionId);
        // review.contentHash of an edition without attachments.
        const hash = createHash('sha256').update(canonicalContent({ ...content, attachments: [], changeNote: e.changeNote, minorChange: false })).digest('hex');
        const reviewerId = staff.get(item.reviewer)!;
        const answers = Object.fromEntries(checklist.map((c) => [c.id, { answer: 'yes', note: '', by: reviewerId, at: e.reviewedAt }]));
        insertReview.run(editionId, JSON.stringify(answers), reviewerId, e.reviewedAt, hash);
        insertApproval.run(editionId, staff.get(item.approver)!, e.approvedAt, hash);
        if (last) {
          index.run(rowid, indexTokens(content.title), indexTokens(content.summary), indexTokens(content.bodyText), indexTokens(content.documentNumber));
          confirm.run(itemId, i + 1, hash, `http://www.leizhou.gov.cn/zwgk/${written.slice(0, 7).replace('-', '')}/t${written.replace(/-/g, '')}_${rowid}.html`, e.publishedAt);
        }
      });
    }
    const saveSerial = ctx.db.prepare('INSERT INTO index_counters (scope, last_serial) VALUES (?, ?) ON CONFLICT(scope) DO UPDATE SET last_serial = excluded.last_serial');
    for (const [scope, last] of serials) saveSerial.run(scope, last);
    for (const [interpretation, document] of set.links) {
      const created = set.items.find((i) => i.ref === interpretation)!;
      link.run(itemIds.get(interpretation)!, itemIds.get(document)!, staff.get(created.author)!, created.editions[0]!.createdAt);
    }
    const report = set.errorReport;
    const handledAt = new Date(Date.parse(`${report.repliedOn}T08:00:00Z`)).toISOString();
    ctx.db
      .prepare(
        `INSERT INTO complaints (id, channel, received_on, content, item_id, assignee_id, reply_workdays, fix_description, reply_text, replied_on, status, created_by, created_at, updated_at)
         VALUES (?, 'site_error', ?, ?, ?, ?, ?, ?, ?, ?, 'replied', ?, ?, ?)`,
      )
      .run(
        seededUuidv7(random, Date.parse(`${report.receivedOn}T01:00:00Z`)),
        report.receivedOn,
        report.content,
        itemIds.get(report.itemRef)!,
        staff.get(report.assignee)!,
        report.replyWorkdays,
        report.fixDescription,
        report.replyText,
        report.repliedOn,
        staff.get(report.assignee)!,
        new Date(Date.parse(`${report.receivedOn}T01:00:00Z`)).toISOString(),
        handledAt,
      );
    record(ctx, 'demo.load', { type: 'demo', id: set.name }, `${set.name}: ${set.items.length} items, 1 error report, ${set.staff.length} staff accounts (disabled)`);
  })();
  return { name: set.name, items: set.items.length, staff: set.staff.length };
}
