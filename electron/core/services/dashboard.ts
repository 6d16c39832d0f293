/**
 * 工作台 figures: a year's published items by category, interpretations by level, online
 * interviews, requests and public error reports, and the counts of the work queues. Every query
 * is a range or partial-index scan (migration 009), so the page stays fast at 100,000 items.
 */
import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { SOURCE_LEVELS, type SourceLevel } from '../../../shared/domain/catalogue.js';
import { shanghaiDate } from '../../../shared/domain/local-date.js';
import { INTERPRETATION_CATEGORY } from './interpretations.js';
import { listCategories } from './categories.js';

const INTERVIEW_CATEGORY = 'online_interview';

function count(ctx: Ctx, sql: string, ...params: unknown[]): number {
  return (ctx.db.prepare(sql).get(...params) as { n: number }).n;
}

/** Years with published items, through this year, for the year selector. */
function years(ctx: Ctx, thisYear: number): number[] {
  // Two ordered index lookups; min() and max() in one statement would scan the whole range.
  const end = (order: 'ASC' | 'DESC') =>
    ctx.db.prepare(`SELECT publish_date FROM editions WHERE status = 'published' AND publish_date IS NOT NULL ORDER BY publish_date ${order} LIMIT 1`).pluck().get() as
      | string
      | undefined;
  const [first, last] = [end('ASC'), end('DESC')];
  const from = Math.min(thisYear, first ? Number(first.slice(0, 4)) : thisYear);
  const to = Math.max(thisYear, last ? Number(last.slice(0, 4)) : thisYear);
  return Array.from({ length: to - from + 1 }, (_, i) => to - i);
}

const noLevels = () => Object.fromEntries(SOURCE_LEVELS.map((l) => [l, 0])) as Record<SourceLevel, number>;

/** The year's published items by category and by level, from one scan of the covering index. */
function published(ctx: Ctx, from: string, to: string) {
  const rows = ctx.db
    .prepare(
      `SELECT e.category_id AS categoryId, e.source_level AS level, count(*) AS n FROM editions e
       WHERE e.status = 'published' AND e.publish_date BETWEEN ? AND ? GROUP BY e.category_id, e.source_level`,
    )
    .all(from, to) as { categoryId: string; level: SourceLevel; n: number }[];
  const levels = new Map<string, Record<SourceLevel, number>>();
  for (const r of rows) {
    const byLevel = levels.get(r.categoryId) ?? noLevels();
    byLevel[r.level] += r.n;
    levels.set(r.categoryId, byLevel);
  }
  const byCategory = listCategories(ctx)
    .filter((c) => levels.has(c.id))
    .map((c) => ({ categoryId: c.id, name: c.name, count: Object.values(levels.get(c.id)!).reduce((a, b) => a + b, 0) }));
  return {
    total: rows.reduce((sum, r) => sum + r.n, 0),
    byCategory,
    levelsOf: (categoryId: string) => levels.get(categoryId) ?? noLevels(),
  };
}

export function summary(ctx: Ctx, input: ParsedInput<'dashboard.summary'>): CommandOutput<'dashboard.summary'> {
  const thisYear = Number(shanghaiDate(ctx.clock.now()).slice(0, 4));
  const year = input.year ?? thisYear;
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  const { total, byCategory, levelsOf } = published(ctx, from, to);
  const interviews = levelsOf(INTERVIEW_CATEGORY);
  return {
    year,
    years: years(ctx, thisYear),
    published: { total, byCategory },
    interpretations: levelsOf(INTERPRETATION_CATEGORY),
    interviews: { held: interviews.local, reposted: interviews.national + interviews.provincial + interviews.municipal },
    requests: {
      received: count(ctx, 'SELECT count(*) AS n FROM requests WHERE received_on BETWEEN ? AND ?', from, to),
      closed: count(ctx, 'SELECT count(*) AS n FROM requests WHERE closed_on BETWEEN ? AND ?', from, to),
    },
    // 网民纠错 about the website's content; 市长信箱 and 12345 messages are not error reports.
    errorReports: {
      received: count(ctx, "SELECT count(*) AS n FROM complaints WHERE channel = 'site_error' AND received_on BETWEEN ? AND ?", from, to),
      handled: count(ctx, "SELECT count(*) AS n FROM complaints WHERE channel = 'site_error' AND received_on BETWEEN ? AND ? AND status = 'replied'", from, to),
    },
    queues: {
      awaitingReview: count(ctx, "SELECT count(*) AS n FROM editions WHERE current = 1 AND status = 'submitted'"),
      awaitingApproval: count(ctx, "SELECT count(*) AS n FROM editions WHERE current = 1 AND status = 'reviewed'"),
      syncFailures: count(ctx, "SELECT count(*) AS n FROM outbox WHERE state IN ('failed', 'conflict')"),
    },
  };
}
