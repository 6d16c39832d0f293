/**
 * The one contract between the renderer and the main process. Every backend command is declared
 * here once: its input and output schemas and who may call it. The IPC gate, the browser-mode
 * server, the renderer client and the tests all derive from this object.
 */
import { z } from 'zod';
import { ROLES, type Role } from './roles.js';
import type { ApiError } from './errors.js';
import { LANGUAGES } from './i18n/languages.js';
import { DISCLOSURE, EDITION_STATUSES, SOURCE_LEVELS, VALIDITY } from './domain/catalogue.js';
import { SYNC_RULE_STRENGTHS } from './domain/interpretation-rules.js';
import { WITHDRAWAL_REASONS } from './domain/approval-rules.js';
import { APPLICANT_TYPES, OUTCOME_CODES } from './domain/request-outcomes.js';
import { MAX_FEE_QUANTITY } from './domain/processing-fee.js';
import type { ReceiptChannel } from './domain/application-clock.js';
import { isValidDate } from './domain/working-days.js';

/**
 * 'public': no session needed; 'session': a session, even a locked one (unlock, log out);
 * 'user': any signed-in user with an unlocked session; Role[]: such a user holding one of those roles.
 */
export type Access = 'public' | 'session' | 'user' | readonly Role[];

interface CommandSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

function command<I extends z.ZodType, O extends z.ZodType>(spec: CommandSpec<I, O>): CommandSpec<I, O> {
  return spec;
}

const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

export const RoleSchema = z.enum(ROLES);
export const LanguageSchema = z.enum(LANGUAGES);

const Username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, 'username_chars');
/** Strength beyond length is checked in the service so the message can be specific. */
const NewPassword = z.string().min(8).max(128);
const DisplayName = z.string().trim().min(1).max(40);

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  disabled: z.boolean(),
  language: LanguageSchema,
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof UserSchema>;

export const UnitSchema = z.object({
  name: z.string().trim().min(2).max(60),
  /** 组织机构代码 (9) or 统一社会信用代码 (18); used as the 索引号 prefix. */
  code: z.string().trim().min(9).max(20),
  parentName: z.string().trim().max(60),
  websiteName: z.string().trim().max(60),
  websiteUrl: z.string().trim().pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/ })])),
});
export type Unit = z.infer<typeof UnitSchema>;

const SessionSchema = z.object({ sessionId: z.string(), user: UserSchema });
export type Session = z.infer<typeof SessionSchema>;

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  summary: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;


/** A real calendar day: 2026-02-30 or 6703-75-28 are refused here, not deep in a service. */
const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date').refine(isValidDate, 'date');
const Id = z.string().min(1).max(64);
/** 本地演示网站 (issue 6): `inUse` while publishing goes to it; `url` its address. */
const DemoSiteSchema = z.object({ inUse: z.boolean(), running: z.boolean(), url: z.string().nullable() });
// ---- website target, credentials and network (issue 6) ----
/** `storage`: how the credential is kept — OS keyring, a weak fallback needing consent, or a user-only file. */
const WebsiteSettingsSchema = z.object({
  siteUrl: z.string().nullable(),
  tokenSet: z.boolean(),
  target: z.enum(['publishing_api', 'wordpress']),
  username: z.string(),
  storage: z.enum(['keyring', 'weak', 'file']),
});
const NetworkSchema = z.object({
  /** Shown with its password masked. */
  proxyUrl: z.string(),
  noProxy: z.string(),
  certificates: z.array(z.object({ subject: z.string(), issuer: z.string(), validFrom: z.string(), validTo: z.string(), fingerprint256: z.string() })),
});

export const CategorySchema = z.object({
  id: z.string().regex(/^[a-z0-9_]{2,40}$/),
  name: z.string().trim().min(1).max(40),
  parentId: z.string().nullable(),
  columnId: z.string().trim().max(64),
  sortOrder: z.number().int(),
  active: z.boolean(),
});
export type Category = z.infer<typeof CategorySchema>;

export const CatalogueSettingsSchema = z.object({
  indexPattern: z.string().min(1).max(80),
  maxAttachmentMb: z.number().int().min(1).max(2048),
  /** 主题分类: the subject taxonomy offered for each item. */
  topics: z.array(z.string().trim().min(1).max(40)).min(1).max(200),
});

export const CatalogueFieldsSchema = z.object({
  title: z.string().trim().max(200),
  summary: z.string().trim().max(2000),
  topic: z.string().trim().max(60),
  publisher: z.string().trim().max(60),
  draftingUnit: z.string().trim().max(60),
  writtenDate: DateString.nullable(),
  publishDate: DateString.nullable(),
  publishDateReason: z.string().trim().max(500),
  documentNumber: z.string().trim().max(60),
  disclosure: z.enum(DISCLOSURE),
  disclosureArticle: z.union([z.literal(14), z.literal(15), z.literal(16)]).nullable(),
  disclosureReason: z.string().trim().max(1000),
  validity: z.enum(VALIDITY),
  repealedDate: DateString.nullable(),
  normative: z.boolean(),
  keywords: z.string().trim().max(200),
  sourceLevel: z.enum(SOURCE_LEVELS),
  /** 解读形式, for items of category 政策解读. */
  interpretationForm: z.string().trim().max(20).default(''),
  /** 联合发文: the co-issuing units and the lead unit (牵头单位). */
  coIssuers: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  leadUnit: z.string().trim().max(60).default(''),
  /** 在线访谈: when, who, and on what; the transcript is the body. */
  interviewDate: DateString.nullable().default(null),
  interviewGuests: z.string().trim().max(500).default(''),
  interviewTopic: z.string().trim().max(200).default(''),
});

/** Body HTML is sanitised to an allowlist in the main process on every save. */
const BodyHtml = z.string().max(20 * 1024 * 1024);

export const ProblemSchema = z.object({ field: z.string(), code: z.string(), suggestion: z.string().optional() });

export const AttachmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int(),
  mime: z.string(),
  sha256: z.string(),
});

const LinkedItemSchema = z.object({ itemId: z.string(), editionId: z.string(), title: z.string(), status: z.enum(EDITION_STATUSES), publishDate: z.string().nullable() });
const ReasonSchema = z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

export const EditionSchema = CatalogueFieldsSchema.extend({
  id: z.string(),
  itemId: z.string(),
  number: z.number().int(),
  status: z.enum(EDITION_STATUSES),
  indexNumber: z.string(),
  categoryId: z.string(),
  bodyHtml: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  attachments: z.array(AttachmentSchema),
  problems: z.array(ProblemSchema),
  /** 更正说明 of an update to a published item, or a minor change that needs none. */
  changeNote: z.string(),
  minorChange: z.boolean(),
  /** 条例第二十六条: a proactive item is due within 20 working days of its 成文日期. */
  due: z.object({ date: z.string(), provisional: z.boolean() }).nullable(),
  /** 解读 ↔ 文件, both directions. */
  links: z.object({ documents: z.array(LinkedItemSchema), interpretations: z.array(LinkedItemSchema) }),
  /** For an interpretation: how much of it repeats each linked document (0–1). */
  copyChecks: z.array(z.object({ documentItemId: z.string(), title: z.string(), share: z.number(), tooSimilar: z.boolean() })),
  /** For an interpretation of a published document: release it by this date. */
  interpretationDue: z.object({ date: z.string(), provisional: z.boolean() }).nullable(),
});
export type Edition = z.infer<typeof EditionSchema>;

export const ItemRowSchema = z.object({
  itemId: z.string(),
  editionId: z.string(),
  number: z.number().int(),
  indexNumber: z.string(),
  title: z.string(),
  categoryId: z.string(),
  status: z.enum(EDITION_STATUSES),
  authorName: z.string(),
  draftingUnit: z.string(),
  documentNumber: z.string(),
  writtenDate: z.string().nullable(),
  publishDate: z.string().nullable(),
  validity: z.enum(VALIDITY),
  updatedAt: z.string(),
  /** Linked documents or interpretations, either direction. */
  links: z.number().int(),
});
export type ItemRow = z.infer<typeof ItemRowSchema>;

export const ListFiltersSchema = z.object({
  status: z.array(z.enum(EDITION_STATUSES)).max(11).optional(),
  categoryId: z.string().optional(),
  draftingUnit: z.string().max(60).optional(),
  authorId: z.string().optional(),
  validity: z.enum(VALIDITY).optional(),
  writtenFrom: DateString.optional(),
  writtenTo: DateString.optional(),
});

const SearchHitSchema = ItemRowSchema.extend({
  /** Text around the first match, with the match's offsets for highlighting. */
  snippet: z.string(),
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
  matchedIn: z.enum(['title', 'summary', 'body', 'documentNumber']),
});

const DiffSchema = z.object({
  fields: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
  body: z.array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() })),
});

const CalendarDaySchema = z.object({
  date: z.string(),
  workday: z.boolean(),
  kind: z.enum(['weekday', 'weekend', 'holiday', 'makeup_workday']),
  name: z.string().optional(),
  provisional: z.boolean(),
});

export const ReviewSettingsSchema = z.object({
  checklist: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9_]{1,40}$/),
        question: z.string().trim().min(1).max(100),
        severity: z.enum(['required', 'recommended']),
        role: RoleSchema,
        waivable: z.boolean(),
      }),
    )
    .min(1)
    .max(60),
  /** The unit's own published numbers (办公电话, 监督电话): never reported by the scanner. */
  ownPhoneNumbers: z.array(z.string().trim().min(5).max(30)).max(50),
  sensitiveWords: z.array(z.string().trim().min(1).max(40)).max(500),
  /** 身份证号 masking: keep first 6 and last 4, or the 永安 form keeping first 2 and last 3. */
  idMask: z.enum(['standard', 'yongan']),
});

const FindingSchema = z.object({
  key: z.string(),
  kind: z.string(),
  text: z.string(),
  severity: z.enum(['block', 'warn', 'info']),
  score: z.number(),
  explanation: z.string(),
  location: z.enum(['title', 'summary', 'body', 'attachment']),
  /** For findings in attachments: which file, and where inside it (sheet and cell, paragraph, comment …). */
  attachment: z.object({ attachmentId: z.string(), name: z.string(), where: z.record(z.string(), z.unknown()).nullable() }).nullable(),
  resolution: z.object({ kind: z.enum(['waived', 'dismissed']), reason: z.string(), by: z.string(), at: z.string() }).nullable(),
});

export const ReviewStateSchema = z.object({
  editionId: z.string(),
  status: z.enum(EDITION_STATUSES),
  checklist: z.array(
    z.object({
      id: z.string(),
      question: z.string(),
      severity: z.enum(['required', 'recommended']),
      role: RoleSchema,
      waivable: z.boolean(),
      answer: z.enum(['yes', 'no', 'waived']).nullable(),
      note: z.string(),
    }),
  ),
  findings: z.array(FindingSchema),
  decision: z
    .object({
      decision: z.enum(['approve', 'partial', 'withhold', 'return']),
      basis: z.number().int().nullable(),
      note: z.string(),
      reviewerName: z.string(),
      decidedAt: z.string(),
      /** For a sign-off: still bound to the current content, or void since a change. */
      signOff: z.object({ contentHash: z.string(), valid: z.boolean(), voidedAt: z.string().nullable(), voidReason: z.string() }).nullable(),
    })
    .nullable(),
  /** Why signing off now would be refused (empty when it would pass). */
  signOffBlockers: z.array(ReasonSchema),
});

export const InterpretationSettingsSchema = z.object({
  forms: z.array(z.string().trim().min(1).max(20)).min(1).max(30),
  /** 三同步 for 规范性文件: refuse submission without a linked interpretation, warn, or do nothing. */
  syncRule: z.enum(SYNC_RULE_STRENGTHS),
  /** An interpretation is due this many working days after its document is published. */
  dueWorkdays: z.number().int().min(0).max(30),
  /** Warn when more than this share of an interpretation repeats its document. */
  copyThreshold: z.number().min(0.1).max(1),
});

const InterpretationDueRowSchema = z.object({
  itemId: z.string(),
  editionId: z.string(),
  title: z.string(),
  documentTitle: z.string(),
  documentPublished: z.string(),
  due: z.string(),
  provisional: z.boolean(),
  workdaysLeft: z.number().int(),
});

export const DEADLINE_ROWS = 50;
const queue = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row).max(DEADLINE_ROWS), total: z.number().int() });

const DeadlineRowSchema = z.object({
  itemId: z.string(),
  editionId: z.string(),
  title: z.string(),
  writtenDate: z.string(),
  due: z.string(),
  provisional: z.boolean(),
  /** Working days left; negative when overdue. */
  workdaysLeft: z.number().int(),
});

// ---------------------------------------------------------------------------------------------
// 依申请公开 requests (schemas)

export const REQUEST_CHANNELS = ['in_person', 'post_signed', 'post_ordinary', 'online', 'fax'] as const satisfies readonly ReceiptChannel[];
/** The form the applicant wants the information in (纸质 / 电子 / 其他). */
export const REQUEST_FORMS = ['paper', 'electronic', 'other'] as const;
/** How the applicant wants to receive it, and how a reply was delivered. */
export const DELIVERY_METHODS = ['post', 'collect', 'email', 'fax', 'online', 'on_site'] as const;
export const REQUEST_STATES = ['open', 'awaiting_correction', 'paused', 'closed'] as const;
export const REQUEST_EVENT_TYPES = [
  'received', 'correction_requested', 'correction_received', 'correction_lapsed', 'consultation_started',
  'consultation_ended', 'extended', 'fee_notice', 'fee_paid', 'fee_lapsed', 'closed',
] as const;
/** What the detail view offers; each comes with the reasons it would be refused today. */
export const REQUEST_ACTIONS = [
  'correction_requested', 'correction_received', 'consultation_started', 'consultation_ended', 'extended',
  'fee_notice', 'fee_paid', 'close', 'close_no_correction', 'close_fee_unpaid',
] as const;
export const FEE_STANDARDS = ['by_items', 'by_pages'] as const;

const ApplicantSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** 身份证号, or an organisation's 统一社会信用代码. */
  idNumber: z.string().trim().max(30),
  phone: z.string().trim().max(30),
  address: z.string().trim().max(200),
  email: z.string().trim().max(100),
});

const RequestRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  receivedOn: z.string(),
  applicantType: z.enum(APPLICANT_TYPES),
  /** Always masked in lists. */
  applicantName: z.string(),
  subject: z.string(),
  state: z.enum(REQUEST_STATES),
  due: z.string().nullable(),
  provisional: z.boolean(),
  /** Working days left (negative when overdue); paused: still to run once the pause ends. */
  workdaysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  outcome: z.enum(OUTCOME_CODES).nullable(),
  closedOn: z.string().nullable(),
});
export type RequestRow = z.infer<typeof RequestRowSchema>;

const RequestEventSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  type: z.enum(REQUEST_EVENT_TYPES),
  date: z.string(),
  reason: z.string(),
  actorName: z.string(),
  approverName: z.string().nullable(),
  fee: z.object({ standard: z.enum(FEE_STANDARDS), quantity: z.number().int(), amount: z.number().int() }).nullable(),
  /** workdays, party, letterReceived, outcome … as recorded. */
  detail: z.record(z.string(), z.union([z.string(), z.number()])),
  oldDue: z.string().nullable(),
  newDue: z.string().nullable(),
  /** Recorded although late (e.g. a 补正 notice after 7 working days). */
  flags: z.array(ReasonSchema),
  recordedAt: z.string(),
});

export const RequestDetailSchema = RequestRowSchema.extend({
  channel: z.enum(REQUEST_CHANNELS),
  receiptFacts: z.record(z.string(), z.string()),
  applicant: ApplicantSchema,
  /** The caller does not handle requests: personal data is masked by the backend. */
  personalDataMasked: z.boolean(),
  formWanted: z.enum(REQUEST_FORMS),
  deliveryWanted: z.enum(DELIVERY_METHODS),
  replyDate: z.string().nullable(),
  replyMethod: z.enum(DELIVERY_METHODS).nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  clock: z.object({
    periodStart: z.string().nullable(),
    periodWorkdays: z.number().int(),
    correctionNoticeDue: z.string().nullable(),
    correctionDeadline: z.string().nullable(),
    feeDeadline: z.string().nullable(),
    consultationReplyDue: z.string().nullable(),
    extended: z.boolean(),
  }),
  events: z.array(RequestEventSchema),
  attachments: z.array(AttachmentSchema),
  /** Why each action would be refused if taken today (empty: allowed). */
  blockers: z.record(z.enum(REQUEST_ACTIONS), z.array(ReasonSchema)),
});
export type RequestDetail = z.infer<typeof RequestDetailSchema>;

const RequestEventBase = { requestId: Id, date: DateString, reason: z.string().trim().min(1).max(500) };
const RequestEventInputSchema = z.discriminatedUnion('type', [
  /** `workdays`: the time the notice gives the applicant to correct. */
  z.object({ type: z.literal('correction_requested'), ...RequestEventBase, workdays: z.number().int().min(1).max(250).optional() }),
  z.object({ type: z.literal('correction_received'), ...RequestEventBase }),
  z.object({
    type: z.literal('consultation_started'),
    ...RequestEventBase,
    party: z.enum(['third_party', 'other_agency']),
    letterReceived: DateString.optional(),
  }),
  z.object({ type: z.literal('consultation_ended'), ...RequestEventBase }),
  /** The office head (an approver) confirms the extension with their own password. */
  z.object({
    type: z.literal('extended'),
    ...RequestEventBase,
    workdays: z.number().int().min(1).max(1000),
    approverUsername: z.string().trim().min(1).max(64),
    approverPassword: z.string().min(1).max(256),
  }),
  z.object({ type: z.literal('fee_notice'), ...RequestEventBase, standard: z.enum(FEE_STANDARDS), quantity: z.number().int().min(0).max(MAX_FEE_QUANTITY) }),
  z.object({ type: z.literal('fee_paid'), ...RequestEventBase }),
]);

const ExplainedDaySchema = CalendarDaySchema.extend({
  counted: z.boolean(),
  ordinal: z.number().int().nullable(),
  pausedBy: z.enum(['consultation', 'fee']).nullable(),
});

const RequestDueRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  subject: z.string(),
  applicantName: z.string(),
  due: z.string(),
  provisional: z.boolean(),
  workdaysLeft: z.number().int(),
});

// ---------------------------------------------------------------------------------------------
// 告知书与登记簿: reply letters, 网民纠错与留言, 行政复议/行政诉讼 (schemas)

/** 告知书 kinds: a reply letter per outcome group (OUTCOME_GROUPS), then the notices sent while a request runs. */
export const LETTER_KINDS = [
  'reply_disclosed', 'reply_partial', 'reply_denied', 'reply_unavailable', 'reply_not_processed', 'reply_other',
  'correction', 'extension', 'fee_notice', 'third_party',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

const LetterTemplateSchema = z.object({
  kind: z.enum(LETTER_KINDS),
  title: z.string(),
  body: z.string(),
  /** Edited by the office; false: the built-in default. */
  custom: z.boolean(),
  /** The placeholders this kind may use, without braces. */
  placeholders: z.array(z.string()),
});
export type LetterTemplateView = z.infer<typeof LetterTemplateSchema>;

/** Who the remedies paragraph names: 复议机关 and 人民法院. */
const LetterSettingsSchema = z.object({
  reconsiderationBody: z.string().trim().max(60),
  court: z.string().trim().max(60),
});

/** 我为政府网站找错, 市长信箱, 12345 热线, 网站留言. */
export const COMPLAINT_CHANNELS = ['site_error', 'mayor_mailbox', 'hotline_12345', 'message'] as const;
/** open: being handled; fixed: put right, reply still owed; replied: answered. */
export const COMPLAINT_STATUSES = ['open', 'fixed', 'replied'] as const;

const ComplaintFieldsSchema = z.object({
  channel: z.enum(COMPLAINT_CHANNELS),
  receivedOn: DateString,
  content: z.string().trim().min(1).max(4000),
  itemId: Id.nullable(),
  assigneeId: Id.nullable(),
  fixDescription: z.string().trim().max(4000),
  replyText: z.string().trim().max(4000),
  repliedOn: DateString.nullable(),
  status: z.enum(COMPLAINT_STATUSES),
});

const ComplaintSchema = ComplaintFieldsSchema.extend({
  id: z.string(),
  /** The current title of the item it concerns. */
  itemTitle: z.string().nullable(),
  itemIndexNumber: z.string().nullable(),
  assigneeName: z.string().nullable(),
  replyWorkdays: z.number().int(),
  due: z.string(),
  provisional: z.boolean(),
  /** Working days from today to the due date; negative when overdue. */
  workdaysLeft: z.number().int(),
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Complaint = z.infer<typeof ComplaintSchema>;

/** 行政复议; 行政诉讼 未经复议直接起诉; 行政诉讼 复议后起诉: the three groups of the annual report's table 四. */
export const APPEAL_TYPES = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const;
/** 结果维持, 结果纠正, 其他结果, 尚未审结. */
export const APPEAL_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;

const AppealFieldsSchema = z.object({
  requestId: Id,
  type: z.enum(APPEAL_TYPES),
  result: z.enum(APPEAL_RESULTS),
  filedOn: DateString,
  /** Required unless the result is pending. */
  decidedOn: DateString.nullable(),
  body: z.string().trim().min(1).max(100),
  caseNumber: z.string().trim().max(100),
  note: z.string().trim().max(2000),
});

const AppealSchema = AppealFieldsSchema.extend({
  id: z.string(),
  requestNumber: z.string(),
  requestSubject: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Appeal = z.infer<typeof AppealSchema>;

// ---------------------------------------------------------------------------------------------
// 年度报告 annual report (schemas)

const ReportYear = z.number().int().min(2008).max(2100);
const Figure = z.number().int().min(0);
const ThreeFigures = z.tuple([Figure, Figure, Figure]);
const EnteredFiguresSchema = z.object({
  licensing: z.number().int().min(0).max(100_000_000),
  penalty: z.number().int().min(0).max(100_000_000),
  enforcement: z.number().int().min(0).max(100_000_000),
  /** 万元, at most four decimals. */
  feesWanYuan: z.number().min(0).max(100_000_000),
  /** Where the entered figures come from (审批系统、执法平台、财政非税系统…). */
  source: z.string().trim().max(200),
});
const CrossCheckFailureSchema = z.object({
  rule: z.enum(['table3.balance', 'table3.column_total', 'table3.results_total', 'table4.group_total']),
  at: z.string(),
  left: z.number(),
  right: z.number(),
  terms: z.string(),
});
export const ReportModelSchema = z.object({
  year: z.number().int(),
  proactive: z.object({
    total: Figure,
    byCategory: z.record(z.string(), Figure),
    interpretationsByLevel: z.record(z.enum(SOURCE_LEVELS), Figure),
    interviews: z.object({ held: Figure, reposted: Figure }),
  }),
  table2: z.object({ rules: ThreeFigures, normative: ThreeFigures, licensing: Figure, penalty: Figure, enforcement: Figure, feesWanYuan: z.number(), source: z.string() }),
  table3: z.record(z.string(), z.array(Figure)),
  table4: z.array(Figure).length(15),
  requests: z.object({ received: Figure, closed: Figure, feeYuan: z.number() }),
  errorReports: z.object({ received: Figure, handled: Figure }),
  consistency: z.array(CrossCheckFailureSchema),
});
const NarrativeSchema = z.object({ overview: z.string().max(50_000), problems: z.string().max(50_000), other: z.string().max(50_000) });
const ReportSnapshotSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  fileName: z.string(),
  failedChecks: z.number().int(),
  overrideReason: z.string(),
  itemId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
const ReportFileSchema = z.object({ snapshotId: z.string(), fileName: z.string(), dataBase64: z.string() });

export const contract = {
  'setup.status': command({
    input: Empty,
    output: z.object({ needsSetup: z.boolean(), unitName: z.string().nullable(), defaultLanguage: LanguageSchema }),
    access: 'public',
  }),
  /** First run: creates the unit and the first administrator, and signs them in. */
  'setup.complete': command({
    input: z.object({
      unit: UnitSchema,
      admin: z.object({ username: Username, displayName: DisplayName, password: NewPassword }),
      language: LanguageSchema,
    }),
    output: SessionSchema,
    access: 'public',
  }),

  'auth.login': command({
    input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
    output: SessionSchema,
    access: 'public',
  }),
  'auth.logout': command({ input: Empty, output: Ok, access: 'session' }),
  'auth.me': command({ input: Empty, output: UserSchema, access: 'user' }),
  /** Whose session this is and whether it is locked, so a reloaded lock screen can name its user. */
  'auth.session': command({ input: Empty, output: z.object({ user: UserSchema, locked: z.boolean() }), access: 'session' }),
  /** The screen locks after idle time; unlocking needs the same user's password. */
  'auth.lock': command({ input: Empty, output: Ok, access: 'user' }),
  'auth.unlock': command({ input: z.object({ password: z.string().min(1).max(256) }), output: UserSchema, access: 'session' }),
  'auth.changePassword': command({
    input: z.object({ currentPassword: z.string().min(1).max(256), newPassword: NewPassword }),
    output: Ok,
    access: 'user',
  }),
  'auth.setLanguage': command({ input: z.object({ language: LanguageSchema }), output: UserSchema, access: 'user' }),

  'users.list': command({ input: Empty, output: z.array(UserSchema), access: ['admin'] }),
  'users.create': command({
    input: z.object({
      username: Username,
      displayName: DisplayName,
      password: NewPassword,
      roles: z.array(RoleSchema).min(1),
    }),
    output: UserSchema,
    access: ['admin'],
  }),
  'users.update': command({
    input: z.object({ id: z.string(), displayName: DisplayName, roles: z.array(RoleSchema).min(1) }),
    output: UserSchema,
    access: ['admin'],
  }),
  'users.setDisabled': command({
    input: z.object({ id: z.string(), disabled: z.boolean() }),
    output: UserSchema,
    access: ['admin'],
  }),
  /** Sets a new password and clears any lockout. */
  'users.resetPassword': command({
    input: z.object({ id: z.string(), newPassword: NewPassword }),
    output: UserSchema,
    access: ['admin'],
  }),

  'unit.get': command({ input: Empty, output: UnitSchema, access: 'user' }),
  'unit.update': command({ input: UnitSchema, output: UnitSchema, access: ['admin'] }),

  'audit.list': command({
    input: z.object({ beforeSeq: z.number().int().positive().optional(), limit: z.number().int().min(1).max(500) }),
    output: z.object({ entries: z.array(AuditEntrySchema), total: z.number().int() }),
    access: ['admin'],
  }),
  'audit.verify': command({
    input: Empty,
    output: z.object({
      ok: z.boolean(),
      checked: z.number().int(),
      /** The first entry whose stored hash or link does not match, when the chain is broken. */
      firstBroken: z.object({ seq: z.number().int(), reason: z.enum(['hash_mismatch', 'link_mismatch', 'missing_entry']) }).nullable(),
    }),
    access: ['admin'],
  }),

  'categories.list': command({ input: Empty, output: z.array(CategorySchema), access: 'user' }),
  'categories.save': command({ input: CategorySchema, output: CategorySchema, access: ['admin'] }),

  'catalogue.settings': command({
    input: Empty,
    output: CatalogueSettingsSchema,
    access: 'user',
  }),
  'catalogue.updateSettings': command({
    input: CatalogueSettingsSchema,
    output: CatalogueSettingsSchema,
    access: ['admin'],
  }),

  /** A new item: its first draft edition, with the 索引号 assigned now and never reused. */
  'items.create': command({
    input: z.object({ categoryId: Id, fields: CatalogueFieldsSchema, bodyHtml: BodyHtml }),
    output: EditionSchema,
    access: ['officer'],
  }),
  'items.saveDraft': command({
    input: z.object({ editionId: Id, categoryId: Id, fields: CatalogueFieldsSchema, bodyHtml: BodyHtml }),
    output: EditionSchema,
    access: ['officer'],
  }),
  /** The next edition of a published item; the published one stays live until it is replaced. */
  'items.newEdition': command({ input: z.object({ itemId: Id }), output: EditionSchema, access: ['officer'] }),
  'items.setChangeNote': command({
    input: z.object({ editionId: Id, changeNote: z.string().trim().max(500), minorChange: z.boolean() }),
    output: EditionSchema,
    access: ['officer'],
  }),
  'items.edition': command({ input: z.object({ editionId: Id }), output: EditionSchema, access: 'user' }),
  'items.history': command({
    input: z.object({ itemId: Id }),
    output: z.array(z.object({ id: z.string(), number: z.number().int(), status: z.enum(EDITION_STATUSES), updatedAt: z.string(), authorName: z.string() })),
    access: 'user',
  }),
  /** A readable comparison of an edition with the item's previous edition. */
  'items.compare': command({ input: z.object({ editionId: Id }), output: DiffSchema.nullable(), access: 'user' }),
  'items.list': command({
    input: z.object({
      filters: ListFiltersSchema,
      sort: z.enum(['updated_desc', 'updated_asc', 'written_desc', 'written_asc', 'title_asc', 'index_asc']),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(200),
    }),
    output: z.object({ rows: z.array(ItemRowSchema), total: z.number().int() }),
    access: 'user',
  }),
  'items.search': command({
    input: z.object({ query: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(200) }),
    output: z.object({ hits: z.array(SearchHitSchema) }),
    access: 'user',
  }),
  /** A .docx becomes a new draft; a damaged or non-docx file creates nothing. */
  'items.importDocx': command({
    input: z.object({ categoryId: Id, fileName: z.string().min(1).max(255), dataBase64: z.string().max(70 * 1024 * 1024) }),
    output: EditionSchema,
    access: ['officer'],
  }),

  'attachments.add': command({
    input: z.object({ editionId: Id, fileName: z.string().min(1).max(255), dataBase64: z.string().max(2900 * 1024 * 1024) }),
    output: EditionSchema,
    access: ['officer'],
  }),
  'attachments.remove': command({ input: z.object({ editionId: Id, attachmentId: Id }), output: EditionSchema, access: ['officer'] }),
  /** Desktop app only: opens a copy with the system's default application (browser mode downloads instead). */
  'attachments.open': command({ input: z.object({ attachmentId: Id }), output: Ok, access: 'user' }),
  'attachments.read': command({
    input: z.object({ attachmentId: Id }),
    output: z.object({ name: z.string(), mime: z.string(), dataBase64: z.string() }),
    access: 'user',
  }),

  /** Unsaved editor state, kept every few seconds; '' is a new item not yet saved. */
  'autosave.put': command({
    input: z.object({ editionId: z.string().max(64), payload: z.string().max(25 * 1024 * 1024) }),
    output: Ok,
    access: ['officer'],
  }),
  'autosave.list': command({
    input: Empty,
    output: z.array(z.object({ editionId: z.string(), payload: z.string(), savedAt: z.string() })),
    access: ['officer'],
  }),
  'autosave.discard': command({ input: z.object({ editionId: z.string().max(64) }), output: Ok, access: ['officer'] }),

  'interpretations.settings': command({ input: Empty, output: InterpretationSettingsSchema, access: 'user' }),
  'interpretations.updateSettings': command({ input: InterpretationSettingsSchema, output: InterpretationSettingsSchema, access: ['admin'] }),
  /** Links an interpretation (category 政策解读) to a document it interprets; returns the interpretation. */
  'interpretations.link': command({ input: z.object({ interpretationItemId: Id, documentItemId: Id }), output: EditionSchema, access: ['officer'] }),
  'interpretations.unlink': command({ input: z.object({ interpretationItemId: Id, documentItemId: Id }), output: EditionSchema, access: ['officer'] }),

  /** Every reason submitting this edition for review would be refused, and the warnings. */
  'workflow.checkSubmit': command({
    input: z.object({ editionId: Id }),
    output: z.object({ blocking: z.array(ReasonSchema), warnings: z.array(ReasonSchema), together: z.array(z.string()) }),
    access: 'user',
  }),
  /** Submits for review; a document and its draft interpretations go together (同步审签). */
  'workflow.submit': command({
    input: z.object({ editionId: Id }),
    output: z.object({ submitted: z.array(z.string()), warnings: z.array(ReasonSchema) }),
    access: ['officer'],
  }),

  'review.settings': command({ input: Empty, output: ReviewSettingsSchema, access: 'user' }),
  'review.updateSettings': command({ input: ReviewSettingsSchema, output: ReviewSettingsSchema, access: ['admin'] }),
  /** The review of a submitted edition: checklist, scan findings and their resolutions, decision. */
  'review.get': command({ input: z.object({ editionId: Id }), output: ReviewStateSchema, access: 'user' }),
  'review.answer': command({
    input: z.object({ editionId: Id, itemId: z.string().max(40), answer: z.enum(['yes', 'no', 'waived']), note: z.string().trim().max(500) }),
    output: ReviewStateSchema,
    /** Each item also names the role that may tick it; the service checks that. */
    access: ['reviewer', 'approver', 'officer'],
  }),
  'review.resolveFinding': command({
    input: z.object({ editionId: Id, findingKey: z.string().max(500), resolution: z.enum(['waived', 'dismissed']), reason: z.string().trim().min(1).max(500) }),
    output: ReviewStateSchema,
    access: ['reviewer'],
  }),
  /** 脱敏: masks the blocking and warning findings in the title, summary and body, then re-scans. */
  'review.mask': command({ input: z.object({ editionId: Id }), output: ReviewStateSchema, access: ['reviewer'] }),
  /** 同意公开 / 部分公开 sign off (password re-entered, bound to the content hash); 不予公开 / 退回修改 do not. */
  'review.decide': command({
    input: z.object({
      editionId: Id,
      decision: z.enum(['approve', 'partial', 'withhold', 'return']),
      basis: z.union([z.literal(14), z.literal(15), z.literal(16)]).nullable(),
      note: z.string().trim().max(2000),
      password: z.string().min(1).max(256),
    }),
    output: ReviewStateSchema,
    access: ['reviewer'],
  }),
  /** The 保密审查表 for the paper archive, as .docx. */
  'review.exportRecord': command({
    input: z.object({ editionId: Id }),
    output: z.object({ fileName: z.string(), dataBase64: z.string() }),
    access: ['reviewer', 'admin'],
  }),
  /** Back to draft for changes (the author or a reviewer); a sign-off on it is voided. */
  'workflow.returnToDraft': command({ input: z.object({ editionId: Id, reason: z.string().trim().min(1).max(500) }), output: EditionSchema, access: ['officer', 'reviewer'] }),

  'publishing.settings': command({ input: Empty, output: WebsiteSettingsSchema, access: 'user' }),
  /** The address is checked by the service (https, or http to this computer) with a translated reason. */
  'publishing.configure': command({
    input: z.object({
      siteUrl: z.string().trim().min(1).max(500),
      /** The website token, or the WordPress application password. */
      token: z.string().min(8).max(512),
      target: z.enum(['publishing_api', 'wordpress']).default('publishing_api'),
      username: z.string().trim().max(60).default(''),
      /** The user has read that the credential would be stored without OS keyring protection. */
      allowWeakStorage: z.boolean().default(false),
    }),
    output: WebsiteSettingsSchema,
    access: ['admin'],
  }),
  /** 签发 (password re-entered): binds to the review's content hash and queues the item for the website. */
  'publishing.approve': command({
    input: z.object({
      editionId: Id,
      password: z.string().min(1).max(256),
      /** 定时发布: not before this instant; a time that passes while the app is closed is sent at next start. */
      scheduledAt: z.iso.datetime({ offset: true }).nullable().default(null),
    }),
    output: z.object({ queued: z.array(z.string()) }),
    access: ['approver'],
  }),
  /** For the status bar: online/offline, queued, failed, conflicts, last successful sync. */
  'publishing.status': command({
    input: Empty,
    output: z.object({
      configured: z.boolean(),
      online: z.boolean().nullable(),
      queued: z.number().int(),
      failed: z.number().int(),
      conflicts: z.number().int(),
      lastSuccessAt: z.string().nullable(),
    }),
    access: 'user',
  }),
  'publishing.jobs': command({
    input: z.object({ state: z.enum(['all', 'pending', 'done', 'failed', 'conflict', 'cancelled']) }),
    output: z.array(
      z.object({
        id: z.number().int(),
        itemId: z.string(),
        editionId: z.string(),
        title: z.string(),
        state: z.string(),
        attempts: z.number().int(),
        lastError: z.string(),
        url: z.string().nullable(),
        updatedAt: z.string(),
        history: z.array(z.object({ at: z.string(), outcome: z.string(), status: z.number().int().nullable(), message: z.string() })),
      }),
    ),
    access: 'user',
  }),
  /** 撤稿, with a typed reason; more than a few items at once needs `confirmed`. */
  'publishing.withdraw': command({
    input: z.object({
      editionIds: z.array(Id).min(1).max(500),
      reason: z.enum(WITHDRAWAL_REASONS),
      replacedByItemId: Id.nullable(),
      note: z.string().trim().min(1).max(500),
      password: z.string().min(1).max(256),
      confirmed: z.boolean(),
    }),
    output: z.object({ queued: z.array(z.string()) }),
    access: ['approver'],
  }),
  'publishing.retry': command({ input: z.object({ jobId: z.number().int() }), output: Ok, access: ['approver', 'admin'] }),
  'publishing.cancel': command({ input: z.object({ jobId: z.number().int() }), output: Ok, access: ['approver', 'admin'] }),
  // ---- publishing: offline package, demo site, website link (issue 6) ----
  /** 离线发布包: the items waiting in the outbox as a .zip (docs/publishing-api.md §4); the outbox is unchanged. */
  'publishing.exportPackage': command({
    input: Empty,
    output: z.object({ fileName: z.string(), dataBase64: z.string(), items: z.number().int(), withdrawals: z.number().int(), attachments: z.number().int() }),
    access: ['approver', 'admin'],
  }),
  /** 本地演示网站: whether publishing goes to it, whether it runs, and its address. */
  'publishing.demoSite': command({ input: Empty, output: DemoSiteSchema, access: 'user' }),
  'publishing.useDemoSite': command({ input: z.object({ enabled: z.boolean() }), output: DemoSiteSchema, access: ['admin'] }),
  /** The item's page on the website once published (what the site answered to the last successful PUT). */
  'publishing.websiteLink': command({
    input: z.object({ itemId: Id }),
    output: z.object({ url: z.string(), edition: z.number().int(), publishedAt: z.string() }).nullable(),
    access: 'user',
  }),
  /** 已发布: the items live on the website now (newest first, at most 500), with their pages, for 撤稿. */
  'publishing.published': command({
    input: Empty,
    output: z.array(
      z.object({ itemId: z.string(), editionId: z.string(), title: z.string(), indexNumber: z.string(), url: z.string(), edition: z.number().int(), publishedAt: z.string() }),
    ),
    access: 'user',
  }),
  // ---- website network settings and connection test (issue 6) ----
  'publishing.network': command({ input: Empty, output: NetworkSchema, access: ['admin'] }),
  /** `caPem` null keeps the saved certificate; `removeCa` drops it. A certificate is checked (readable, not expired) before saving. */
  'publishing.setNetwork': command({
    input: z.object({
      proxyUrl: z.string().trim().max(500),
      noProxy: z.string().trim().max(1000),
      caPem: z.string().max(64 * 1024).nullable().default(null),
      removeCa: z.boolean().default(false),
    }),
    output: NetworkSchema,
    access: ['admin'],
  }),
  /** Lists the site's columns (WordPress: its categories) with the saved settings. */
  'publishing.testConnection': command({
    input: Empty,
    output: z.object({ columns: z.array(z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable() })) }),
    access: ['admin'],
  }),

  'calendar.years': command({
    input: Empty,
    output: z.array(z.object({ year: z.number().int(), source: z.string(), holidays: z.number().int(), makeupWorkdays: z.number().int() })),
    access: 'user',
  }),
  'calendar.import': command({
    input: z.object({ format: z.enum(['json', 'ics']), text: z.string().min(1).max(2 * 1024 * 1024) }),
    output: z.object({ years: z.array(z.number().int()) }),
    access: ['admin'],
  }),
  'calendar.setDay': command({
    input: z.object({ date: DateString, kind: z.enum(['holiday', 'makeup_workday']).nullable(), name: z.string().trim().max(40) }),
    output: Ok,
    access: ['admin'],
  }),
  /** Adds working days and lists each counted and skipped day, to defend a deadline. */
  'calendar.explain': command({
    input: z.object({ start: DateString, workdays: z.number().int().min(0).max(400) }),
    output: z.object({ due: z.string(), provisional: z.boolean(), days: z.array(CalendarDaySchema) }),
    access: 'user',
  }),

  'dashboard.deadlines': command({
    input: Empty,
    /** Each queue lists its most urgent rows (at most DEADLINE_ROWS) and counts them all. */
    output: z.object({
      today: z.string(),
      dueSoon: queue(DeadlineRowSchema),
      overdue: queue(DeadlineRowSchema),
      interpretationsDueSoon: queue(InterpretationDueRowSchema),
      interpretationsOverdue: queue(InterpretationDueRowSchema),
    }),
    access: 'user',
  }),

  // -------------------------------------------------------------------------------------------
  // 工作台 dashboard figures and the demo data sets
  /** A year's figures (default: this year by the clock) and the counts of the work queues. */
  'dashboard.summary': command({
    input: z.object({ year: z.number().int().min(2000).max(2100).optional() }).strict(),
    output: z.object({
      year: z.number().int(),
      /** Years with published items, and this year: what the year selector offers. */
      years: z.array(z.number().int()),
      published: z.object({
        total: z.number().int(),
        byCategory: z.array(z.object({ categoryId: z.string(), name: z.string(), count: z.number().int() })),
      }),
      /** 政策解读 published this year by the level of the policy (reposts are national, provincial, municipal). */
      interpretations: z.object(Object.fromEntries(SOURCE_LEVELS.map((l) => [l, z.number().int()])) as Record<(typeof SOURCE_LEVELS)[number], z.ZodNumber>),
      /** 在线访谈 held by the unit itself, and reposted from other levels. */
      interviews: z.object({ held: z.number().int(), reposted: z.number().int() }),
      /** Requests received, and closed, in the year. */
      requests: z.object({ received: z.number().int(), closed: z.number().int() }),
      /** 网民纠错 received in the year, and those answered. */
      errorReports: z.object({ received: z.number().int(), handled: z.number().int() }),
      queues: z.object({ awaitingReview: z.number().int(), awaitingApproval: z.number().int(), syncFailures: z.number().int() }),
    }),
    access: 'user',
  }),
  /** Fills an empty store with a demo data set; refused when any register already holds records. */
  'demo.load': command({
    input: z.object({ name: z.enum(['leizhou-2018']) }).strict(),
    output: z.object({ name: z.string(), items: z.number().int(), staff: z.number().int() }),
    access: ['admin'],
  }),
  // end of 工作台 dashboard figures and the demo data sets

  // -------------------------------------------------------------------------------------------
  // 依申请公开 requests
  'requests.list': command({
    input: z.object({ state: z.enum(['all', 'open', 'closed', 'due_soon', 'overdue']), offset: z.number().int().min(0), limit: z.number().int().min(1).max(200) }),
    output: z.object({ rows: z.array(RequestRowSchema), total: z.number().int() }),
    access: 'user',
  }),
  /** Personal data in full only for the handling roles (officer, approver); masked otherwise. */
  'requests.get': command({ input: z.object({ requestId: Id }), output: RequestDetailSchema, access: 'user' }),
  /** 登记: the request number (依申〔YYYY〕N号) is assigned now and never reused. */
  'requests.register': command({
    input: z.object({
      channel: z.enum(REQUEST_CHANNELS),
      receiptFacts: z.object({ handedIn: DateString.optional(), signedFor: DateString.optional(), confirmedWithApplicant: DateString.optional(), bothConfirmed: DateString.optional() }),
      applicantType: z.enum(APPLICANT_TYPES),
      applicant: ApplicantSchema,
      subject: z.string().trim().min(1).max(2000),
      formWanted: z.enum(REQUEST_FORMS),
      deliveryWanted: z.enum(DELIVERY_METHODS),
      attachments: z.array(z.object({ fileName: z.string().min(1).max(255), dataBase64: z.string().max(70 * 1024 * 1024) })).max(20).default([]),
    }),
    output: RequestDetailSchema,
    access: ['officer'],
  }),
  /** A clock event (补正, consultation, extension, fee); refused with every problem when the clock rules say no. */
  'requests.recordEvent': command({ input: RequestEventInputSchema, output: RequestDetailSchema, access: ['officer'] }),
  /** Closes with exactly one outcome of the annual report's table 三. */
  'requests.close': command({
    input: z.object({
      requestId: Id,
      outcome: z.enum(OUTCOME_CODES),
      replyDate: DateString,
      replyMethod: z.enum(DELIVERY_METHODS),
      reason: z.string().trim().max(500),
    }),
    output: RequestDetailSchema,
    access: ['officer'],
  }),
  /** Every counted and skipped day of the current reply period. */
  'requests.explainDue': command({
    input: z.object({ requestId: Id }),
    output: z.object({
      state: z.enum(REQUEST_STATES),
      periodStart: z.string().nullable(),
      periodStartEvent: z.enum(['received', 'correction_received']).nullable(),
      periodWorkdays: z.number().int(),
      due: z.string().nullable(),
      provisional: z.boolean(),
      pausedSince: z.string().nullable(),
      counted: z.number().int(),
      days: z.array(ExplainedDaySchema),
    }),
    access: 'user',
  }),
  'requests.deadlines': command({
    input: Empty,
    output: z.object({ today: z.string(), dueSoon: queue(RequestDueRowSchema), overdue: queue(RequestDueRowSchema) }),
    access: 'user',
  }),
  'requests.addAttachment': command({
    input: z.object({ requestId: Id, fileName: z.string().min(1).max(255), dataBase64: z.string().max(70 * 1024 * 1024) }),
    output: RequestDetailSchema,
    access: ['officer'],
  }),
  /** Attachments may hold personal data (ID card copies): handling roles only. */
  'requests.readAttachment': command({
    input: z.object({ attachmentId: Id }),
    output: z.object({ name: z.string(), mime: z.string(), dataBase64: z.string() }),
    access: ['officer', 'approver'],
  }),
  // end of 依申请公开 requests

  'system.info': command({
    input: Empty,
    output: z.object({
      version: z.string(),
      mode: z.enum(['electron', 'browser']),
      dataDir: z.string(),
      databaseFile: z.string(),
      suggestedBackupFile: z.string(),
      /** The last background integrity check (db/integrity-watch.ts); null before the first. */
      integrity: z.object({ checkedAt: z.string(), ok: z.boolean(), messages: z.array(z.string()) }).nullable(),
    }),
    access: ['admin'],
  }),
  'system.checkDatabase': command({
    input: Empty,
    output: z.object({ ok: z.boolean(), messages: z.array(z.string()) }),
    access: ['admin'],
  }),
  /** Online backup of the live database to a new file on this computer. */
  'system.backup': command({
    input: z.object({ file: z.string().min(1).max(1024) }),
    output: z.object({ file: z.string(), bytes: z.number().int() }),
    access: ['admin'],
  }),
  // Crash and fault safety: the backups in <dataDir>/backups, and restoring one.
  'system.backups': command({
    input: Empty,
    output: z.array(z.object({ name: z.string(), kind: z.enum(['daily', 'premigration', 'prerestore', 'manual']), at: z.string(), bytes: z.number().int() })),
    access: ['admin'],
  }),
  /** Replaces the database with a listed backup (checked first); the current one is kept as a backup. */
  'system.restore': command({
    input: z.object({ name: z.string().min(1).max(255), password: z.string().min(1).max(200) }),
    output: z.object({ restored: z.string(), keptAs: z.string().nullable() }),
    access: ['admin'],
  }),

  // -------------------------------------------------------------------------------------------
  // 告知书与登记簿: reply letters, 网民纠错与留言, 行政复议/行政诉讼
  /** A 告知书 for the request as .docx, filled from the record; written to the audit log. */
  'requests.letter': command({
    input: z.object({ requestId: Id, kind: z.enum(LETTER_KINDS) }),
    output: z.object({ fileName: z.string(), dataBase64: z.string() }),
    access: ['officer'],
  }),
  /** The letters the request's record can fill today (its outcome, the notices it has events for). */
  'letters.kinds': command({ input: z.object({ requestId: Id }), output: z.object({ kinds: z.array(z.enum(LETTER_KINDS)) }), access: ['officer'] }),
  'letters.templates': command({
    input: Empty,
    output: z.object({ templates: z.array(LetterTemplateSchema), settings: LetterSettingsSchema }),
    access: ['admin', 'officer'],
  }),
  /** Refused (letters.unknown_placeholder) when the text names a placeholder the kind does not have. */
  'letters.saveTemplate': command({
    input: z.object({ kind: z.enum(LETTER_KINDS), title: z.string().trim().min(1).max(60), body: z.string().trim().min(1).max(5000) }),
    output: LetterTemplateSchema,
    access: ['admin', 'officer'],
  }),
  /** Back to the built-in default. */
  'letters.resetTemplate': command({ input: z.object({ kind: z.enum(LETTER_KINDS) }), output: LetterTemplateSchema, access: ['admin', 'officer'] }),
  'letters.saveSettings': command({ input: LetterSettingsSchema, output: LetterSettingsSchema, access: ['admin', 'officer'] }),

  'complaints.list': command({
    input: Empty,
    /** `assignees`: the enabled users a report can be given to. */
    output: z.object({ today: z.string(), replyWorkdays: z.number().int(), rows: z.array(ComplaintSchema), assignees: z.array(z.object({ id: z.string(), name: z.string() })) }),
    access: 'user',
  }),
  'complaints.create': command({ input: ComplaintFieldsSchema, output: ComplaintSchema, access: ['officer', 'admin'] }),
  'complaints.update': command({ input: ComplaintFieldsSchema.extend({ id: Id }), output: ComplaintSchema, access: ['officer', 'admin'] }),
  /** Working days to reply to a new report (local rule; 3 by default). */
  'complaints.setReplyWorkdays': command({
    input: z.object({ replyWorkdays: z.number().int().min(1).max(60) }),
    output: z.object({ replyWorkdays: z.number().int() }),
    access: ['admin'],
  }),

  /** Newest filing first; only one request's cases when requestId is given. */
  'appeals.list': command({ input: z.object({ requestId: Id.optional() }), output: z.array(AppealSchema), access: 'user' }),
  'appeals.create': command({ input: AppealFieldsSchema, output: AppealSchema, access: ['officer', 'admin'] }),
  'appeals.update': command({ input: AppealFieldsSchema.extend({ id: Id }), output: AppealSchema, access: ['officer', 'admin'] }),

  // -------------------------------------------------------------------------------------------
  // 年度报告 annual report
  /** The year's figures from the registers, the narrative (saved, or a draft from the data), the entered figures and the filed snapshots. */
  'report.get': command({
    input: z.object({ year: ReportYear }),
    output: z.object({ model: ReportModelSchema, narrative: NarrativeSchema, narrativeSaved: z.boolean(), entered: EnteredFiguresSchema, snapshots: z.array(ReportSnapshotSchema) }),
    access: 'user',
  }),
  /** The records counted in one figure (cell keys: p.total, p.cat.<id>, t2.rules.issued, t3.<row>.<column>, t4.<n>…). */
  'report.sources': command({
    input: z.object({ year: ReportYear, cell: z.string().min(1).max(80) }),
    output: z.object({
      cell: z.string(),
      label: z.string(),
      total: z.number().int(),
      records: z.array(z.object({ kind: z.enum(['item', 'request', 'appeal', 'error_report']), id: z.string(), title: z.string() })),
    }),
    access: 'user',
  }),
  'report.saveNarrative': command({ input: NarrativeSchema.extend({ year: ReportYear }), output: NarrativeSchema, access: ['officer', 'admin'] }),
  'report.saveEntered': command({ input: EnteredFiguresSchema.extend({ year: ReportYear }), output: EnteredFiguresSchema, access: ['officer', 'admin'] }),
  /** Freezes a snapshot and returns its .docx; failing cross-checks need an override reason (recorded in the audit log). */
  'report.export': command({
    input: z.object({ year: ReportYear, overrideReason: z.string().trim().max(500).default('') }),
    output: ReportFileSchema,
    access: ['officer', 'admin'],
  }),
  /** The filed .docx, byte for byte. */
  'report.download': command({ input: z.object({ snapshotId: Id }), output: ReportFileSchema, access: 'user' }),
  /** What would differ if the filed report were generated again now. */
  'report.diff': command({
    input: z.object({ snapshotId: Id }),
    output: z.object({ differences: z.array(z.object({ what: z.string(), filed: z.string(), now: z.string() })), narrativeChanged: z.boolean() }),
    access: 'user',
  }),
  /** The filed report as a draft item of category 政府信息公开年度报告 (tables in HTML), for review and publishing. */
  'report.createItem': command({ input: z.object({ snapshotId: Id }), output: EditionSchema, access: ['officer'] }),
  // end of 年度报告 annual report
} as const;

export type Contract = typeof contract;
export type CommandName = keyof Contract;
export type CommandInput<K extends CommandName> = z.input<Contract[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Contract[K]['output']>;
export type ParsedInput<K extends CommandName> = z.output<Contract[K]['input']>;

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function roleAllows(access: Access, roles: readonly Role[]): boolean {
  if (typeof access === 'string') return true;
  return access.some((r) => roles.includes(r));
}
