/**
 * 政府信息公开工作年度报告: reads the registers (items, requests, appeals, complaints) into the plain
 * records of shared/domain/annual-report.ts, keeps the year's working copy (narrative, entered
 * figures), and files snapshots: an export freezes the figures, the text and the .docx itself.
 */
import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import {
  annualReportTitle,
  cellLabel,
  compareModels,
  computeReport,
  draftNarrative,
  NO_ENTERED_FIGURES,
  reportHtml,
  type AppealGroup,
  type AppealRecord,
  type EnteredFigures,
  type ErrorReportRecord,
  type ItemRecord,
  type Narrative,
  type ReportInput,
  publishedCells,
  type PublishedCount,
  type ReportModel,
  type RequestRecord,
  type SourceRecord,
} from '../../../shared/domain/annual-report.js';
import type { ApplicantType, OutcomeCode } from '../../../shared/domain/request-outcomes.js';
import { blankFields } from '../../../shared/domain/catalogue.js';
import { uuidv7 } from '../ids.js';
import { record } from './audit-trail.js';
import { readUnit } from './setup.js';
import { createItem, today } from './items.js';
import { requireActor } from './users.js';

/** Records listed in the sources drawer at most; the total is always given. */
const SOURCE_LIMIT = 500;

const yearStart = (year: number) => `${year}-01-01`;
const yearEnd = (year: number) => `${year}-12-31`;

function unitName(ctx: Ctx): string {
  const unit = readUnit(ctx);
  if (!unit) throw new AppError('setup.required');
  return unit.name;
}

// ---------------------------------------------------------------------------------------------
// The registers as plain records

const ITEM_COLUMNS = `item_id AS id, title, category_id AS categoryId, publish_date AS publishDate, written_date AS writtenDate, normative,
  document_number AS documentNumber, validity, repealed_date AS repealedDate, source_level AS sourceLevel`;

/** Live (published) editions of the year, counted by the database: 100,000 rows would take seconds to hand over. */
function readPublished(ctx: Ctx, year: number): PublishedCount[] {
  return ctx.db
    .prepare(
      `SELECT category_id AS categoryId, source_level AS sourceLevel, count(*) AS count FROM editions
        WHERE status = 'published' AND publish_date BETWEEN ? AND ? GROUP BY category_id, source_level`,
    )
    .all(yearStart(year), yearEnd(year)) as PublishedCount[];
}

/** Every published 规范性文件, whatever the year: table 二 counts those in force too. */
function readNormative(ctx: Ctx): ItemRecord[] {
  const rows = ctx.db.prepare(`SELECT ${ITEM_COLUMNS} FROM editions WHERE status = 'published' AND normative = 1`).all() as (Omit<ItemRecord, 'normative'> & { normative: number })[];
  return rows.map((r) => ({ ...r, normative: true }));
}

/** The items behind a proactive-disclosure figure: the category/level groups that count in it, listed by the database. */
function publishedSources(ctx: Ctx, year: number, cell: string, groups: readonly PublishedCount[]): SourceRecord[] {
  const wanted = groups.filter((g) => publishedCells(g.categoryId, g.sourceLevel).includes(cell));
  if (!wanted.length) return [];
  const rows = ctx.db
    .prepare(
      `SELECT e.item_id AS id, e.title FROM editions e
        WHERE e.status = 'published' AND e.publish_date BETWEEN ? AND ?
          AND EXISTS (SELECT 1 FROM json_each(?) g WHERE g.value ->> '$[0]' = e.category_id AND g.value ->> '$[1]' = e.source_level)
        ORDER BY e.publish_date DESC, e.rowid DESC LIMIT ?`,
    )
    .all(yearStart(year), yearEnd(year), JSON.stringify(wanted.map((g) => [g.categoryId, g.sourceLevel])), SOURCE_LIMIT) as { id: string; title: string }[];
  return rows.map((r) => ({ kind: 'item', ...r }));
}

/** Requests open at some point of the year; received_on / closed_on are the clock's receipt and closing dates (006_requests.sql). */
function readRequests(ctx: Ctx, year: number): RequestRecord[] {
  const rows = ctx.db
    .prepare(
      `SELECT r.id, r.request_number AS number, r.subject, r.applicant_type AS applicantType, r.outcome, r.received_on AS receivedOn, r.closed_on AS closedOn,
              (SELECT p.date FROM request_events p WHERE p.request_id = r.id AND p.type = 'fee_paid' ORDER BY p.seq DESC LIMIT 1) AS feePaidOn,
              (SELECT n.fee_amount FROM request_events n WHERE n.request_id = r.id AND n.type = 'fee_notice' ORDER BY n.seq DESC LIMIT 1) AS feeAmount
         FROM requests r
        WHERE r.received_on <= ? AND (r.closed_on IS NULL OR r.closed_on > ?)`,
    )
    .all(yearEnd(year), yearEnd(year - 1)) as {
    id: string;
    number: string;
    subject: string;
    applicantType: ApplicantType;
    outcome: OutcomeCode | null;
    receivedOn: string;
    closedOn: string | null;
    feePaidOn: string | null;
    feeAmount: number | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    title: `${r.number} ${r.subject}`.slice(0, 200),
    applicantType: r.applicantType,
    outcome: r.outcome,
    receivedOn: r.receivedOn,
    closedOn: r.closedOn,
    feePaid: r.feePaidOn && r.feeAmount !== null ? { date: r.feePaidOn, yuan: r.feeAmount } : null,
  }));
}

const APPEAL_GROUP: Record<string, AppealGroup> = {
  reconsideration: 'reconsideration',
  litigation_direct: 'direct',
  litigation_after_reconsideration: 'after_reconsideration',
};

function readAppeals(ctx: Ctx, year: number): AppealRecord[] {
  const rows = ctx.db
    .prepare(
      `SELECT id, type, result, filed_on AS filedOn, decided_on AS decidedOn, body, case_number AS caseNumber
         FROM appeals WHERE filed_on BETWEEN ? AND ?`,
    )
    .all(yearStart(year), yearEnd(year)) as { id: string; type: string; result: string; filedOn: string; decidedOn: string | null; body: string; caseNumber: string }[];
  return rows.map((r) => ({
    id: r.id,
    title: `${r.caseNumber || r.filedOn} ${r.body}`,
    group: APPEAL_GROUP[r.type]!,
    filedOn: r.filedOn,
    decidedOn: r.decidedOn,
    result: r.result === 'pending' ? null : (r.result as AppealRecord['result']),
  }));
}

/** 网民纠错与留言: handled once fixed or answered. */
function readErrorReports(ctx: Ctx, year: number): ErrorReportRecord[] {
  const rows = ctx.db
    .prepare(`SELECT id, content, received_on AS receivedOn, status, replied_on AS repliedOn, updated_at AS updatedAt FROM complaints WHERE received_on BETWEEN ? AND ?`)
    .all(yearStart(year), yearEnd(year)) as { id: string; content: string; receivedOn: string; status: string; repliedOn: string | null; updatedAt: string }[];
  return rows.map((r) => ({
    id: r.id,
    title: r.content.slice(0, 80),
    receivedOn: r.receivedOn,
    handledOn: r.status === 'open' ? null : (r.repliedOn ?? r.updatedAt.slice(0, 10)),
  }));
}

// ---------------------------------------------------------------------------------------------
// The working copy

interface DraftRow {
  overview: string;
  problems: string;
  other: string;
  entered: string;
}

function readDraft(ctx: Ctx, year: number): DraftRow | undefined {
  return ctx.db.prepare('SELECT overview, problems, other, entered FROM annual_report_drafts WHERE year = ?').get(year) as DraftRow | undefined;
}

function enteredFigures(draft: DraftRow | undefined): EnteredFigures {
  return draft ? { ...NO_ENTERED_FIGURES, ...(JSON.parse(draft.entered) as Partial<EnteredFigures>) } : NO_ENTERED_FIGURES;
}

function reportInput(ctx: Ctx, year: number, entered: EnteredFigures): ReportInput {
  return {
    year,
    categories: ctx.db.prepare('SELECT id, name FROM categories ORDER BY sort_order').all() as { id: string; name: string }[],
    published: readPublished(ctx, year),
    normative: readNormative(ctx),
    requests: readRequests(ctx, year),
    appeals: readAppeals(ctx, year),
    errorReports: readErrorReports(ctx, year),
    entered,
  };
}

/** The year's report as the registers stand now. */
export function currentReport(ctx: Ctx, year: number): { model: ReportModel; narrative: Narrative; narrativeSaved: boolean; entered: EnteredFigures } {
  const draft = readDraft(ctx, year);
  const entered = enteredFigures(draft);
  const { model } = computeReport(reportInput(ctx, year, entered));
  const narrative = draft ? { overview: draft.overview, problems: draft.problems, other: draft.other } : draftNarrative(model, unitName(ctx));
  return { model, narrative, narrativeSaved: !!draft, entered };
}

/** Stores the working copy; a year without one gets the data-written draft as its narrative. */
function upsertDraft(ctx: Ctx, year: number, change: Partial<Narrative> & { entered?: EnteredFigures }): void {
  const existing = readDraft(ctx, year);
  const current = existing ? { overview: existing.overview, problems: existing.problems, other: existing.other } : currentReport(ctx, year).narrative;
  const narrative = { ...current, ...change };
  const entered = change.entered ?? enteredFigures(existing);
  ctx.db
    .prepare(
      `INSERT INTO annual_report_drafts (year, overview, problems, other, entered, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (year) DO UPDATE SET overview = excluded.overview, problems = excluded.problems, other = excluded.other,
         entered = excluded.entered, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    )
    .run(year, narrative.overview, narrative.problems, narrative.other, JSON.stringify(entered), ctx.actor?.id ?? null, ctx.clock.now().toISOString());
}

// ---------------------------------------------------------------------------------------------
// Snapshots

interface SnapshotRow {
  id: string;
  year: number;
  model: string;
  narrative: string;
  failedChecks: number;
  overrideReason: string;
  fileName: string;
  docx: Buffer;
  itemId: string | null;
  createdBy: string;
  createdAt: string;
}

const SNAPSHOT_COLUMNS = `s.id, s.year, s.model, s.narrative, s.failed_checks AS failedChecks, s.override_reason AS overrideReason, s.file_name AS fileName,
  s.docx, s.item_id AS itemId, COALESCE(u.display_name, '') AS createdBy, s.created_at AS createdAt`;

function requireSnapshot(ctx: Ctx, id: string): SnapshotRow {
  const row = ctx.db.prepare(`SELECT ${SNAPSHOT_COLUMNS} FROM annual_report_snapshots s LEFT JOIN users u ON u.id = s.created_by WHERE s.id = ?`).get(id) as SnapshotRow | undefined;
  if (!row) throw new AppError('report.snapshot_not_found');
  return row;
}

function listSnapshots(ctx: Ctx, year: number): CommandOutput<'report.get'>['snapshots'] {
  const rows = ctx.db
    .prepare(
      `SELECT s.id, s.year, s.file_name AS fileName, s.failed_checks AS failedChecks, s.override_reason AS overrideReason, s.item_id AS itemId,
              COALESCE(u.display_name, '') AS createdBy, s.created_at AS createdAt
         FROM annual_report_snapshots s LEFT JOIN users u ON u.id = s.created_by WHERE s.year = ? ORDER BY s.rowid DESC`,
    )
    .all(year) as CommandOutput<'report.get'>['snapshots'];
  return rows;
}

const fileOf = (row: Pick<SnapshotRow, 'id' | 'fileName' | 'docx'>) => ({ snapshotId: row.id, fileName: row.fileName, dataBase64: Buffer.from(row.docx).toString('base64') });

/** Generates the .docx of the year's report as it stands (the CLI and the bench use this too). */
export async function reportDocx(ctx: Ctx, year: number): Promise<{ model: ReportModel; narrative: Narrative; docx: Buffer; fileName: string }> {
  const { model, narrative } = currentReport(ctx, year);
  const name = unitName(ctx);
  const { annualReportDocx } = await import('../docx/annual-report.js');
  const docx = await annualReportDocx({ unitName: name, model, narrative });
  return { model, narrative, docx, fileName: `${annualReportTitle(name, year)}.docx` };
}

// ---------------------------------------------------------------------------------------------
// Commands

export function get(ctx: Ctx, input: ParsedInput<'report.get'>): CommandOutput<'report.get'> {
  return { ...currentReport(ctx, input.year), snapshots: listSnapshots(ctx, input.year) };
}

export function sources(ctx: Ctx, input: ParsedInput<'report.sources'>): CommandOutput<'report.sources'> {
  const reportData = reportInput(ctx, input.year, enteredFigures(readDraft(ctx, input.year)));
  const categoryName = input.cell.startsWith('p.cat.') ? reportData.categories.find((c) => `p.cat.${c.id}` === input.cell)?.name : undefined;
  const label = categoryName ?? cellLabel(input.cell);
  if (!label) throw new AppError('report.unknown_cell', { cell: input.cell });
  const { sources: counted, count } = computeReport(reportData, input.cell);
  const records = counted.length ? counted.slice(0, SOURCE_LIMIT) : publishedSources(ctx, input.year, input.cell, reportData.published);
  return { cell: input.cell, label, total: count, records };
}

export function saveNarrative(ctx: Ctx, input: ParsedInput<'report.saveNarrative'>): CommandOutput<'report.saveNarrative'> {
  requireActor(ctx);
  const { year, ...narrative } = input;
  ctx.db.transaction(() => {
    upsertDraft(ctx, year, narrative);
    record(ctx, 'report.saveNarrative', { type: 'annual_report', id: String(year) }, `${year}`);
  })();
  return narrative;
}

export function saveEntered(ctx: Ctx, input: ParsedInput<'report.saveEntered'>): CommandOutput<'report.saveEntered'> {
  requireActor(ctx);
  const { year, ...figures } = input;
  const entered = { ...figures, feesWanYuan: Number(figures.feesWanYuan.toFixed(4)) };
  ctx.db.transaction(() => {
    upsertDraft(ctx, year, { entered });
    const summary = `${year}: 许可 ${entered.licensing}, 处罚 ${entered.penalty}, 强制 ${entered.enforcement}, 收费 ${entered.feesWanYuan} 万元 (${entered.source})`;
    record(ctx, 'report.saveEntered', { type: 'annual_report', id: String(year) }, summary.slice(0, 500));
  })();
  return entered;
}

export async function exportReport(ctx: Ctx, input: ParsedInput<'report.export'>): Promise<CommandOutput<'report.export'>> {
  requireActor(ctx);
  const { model, narrative, docx, fileName } = await reportDocx(ctx, input.year);
  const failures = model.consistency;
  if (failures.length && !input.overrideReason) {
    throw new AppError(
      'report.checks_failed',
      { count: failures.length },
      failures.map((f) => ({ code: `report.check.${f.rule}`, params: { at: f.at, left: f.left, right: f.right, terms: f.terms } })),
    );
  }
  const id = uuidv7(ctx.clock.now().getTime());
  const overrideReason = failures.length ? input.overrideReason : '';
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO annual_report_snapshots (id, year, model, narrative, failed_checks, override_reason, file_name, docx, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, input.year, JSON.stringify(model), JSON.stringify(narrative), failures.length, overrideReason, fileName, docx, ctx.actor?.id ?? null, ctx.clock.now().toISOString());
    const overridden = failures.length ? `; ${failures.length} failed cross-checks overridden: ${overrideReason}` : '';
    record(ctx, 'report.export', { type: 'annual_report', id }, `${input.year} ${fileName}${overridden}`.slice(0, 1000));
  })();
  return { snapshotId: id, fileName, dataBase64: docx.toString('base64') };
}

export function download(ctx: Ctx, input: ParsedInput<'report.download'>): CommandOutput<'report.download'> {
  return fileOf(requireSnapshot(ctx, input.snapshotId));
}

export function diff(ctx: Ctx, input: ParsedInput<'report.diff'>): CommandOutput<'report.diff'> {
  const snapshot = requireSnapshot(ctx, input.snapshotId);
  const now = currentReport(ctx, snapshot.year);
  const filedNarrative = JSON.parse(snapshot.narrative) as Narrative;
  const narrativeChanged = (['overview', 'problems', 'other'] as const).some((k) => filedNarrative[k] !== now.narrative[k]);
  return { differences: compareModels(JSON.parse(snapshot.model) as ReportModel, now.model), narrativeChanged };
}

/** The filed report as a draft catalogue item; review and publishing then treat it like any other. */
export function createReportItem(ctx: Ctx, input: ParsedInput<'report.createItem'>): CommandOutput<'report.createItem'> {
  const snapshot = requireSnapshot(ctx, input.snapshotId);
  if (snapshot.itemId) throw new AppError('report.item_exists');
  const name = unitName(ctx);
  const model = JSON.parse(snapshot.model) as ReportModel;
  const date = today(ctx);
  return ctx.db.transaction(() => {
    const edition = createItem(
      ctx,
      {
        categoryId: 'annual_report',
        fields: {
          ...blankFields(name, date),
          title: annualReportTitle(name, model.year),
          summary: `${model.year}年政府信息公开工作年度报告：主动公开、依申请公开、行政复议和行政诉讼情况，存在的主要问题及改进情况。`,
          topic: '综合政务',
          keywords: '政府信息公开 年度报告',
        },
        bodyHtml: reportHtml(model, JSON.parse(snapshot.narrative) as Narrative),
      },
      'report.createItem',
    );
    ctx.db.prepare('UPDATE annual_report_snapshots SET item_id = ? WHERE id = ?').run(edition.itemId, snapshot.id);
    return edition;
  })();
}
