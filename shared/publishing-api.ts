/**
 * The wire format of the publishing API (docs/publishing-api.md): what the app sends and the
 * reference site (electron/reference-site) checks, and the 离线发布包 manifest both sides share.
 * Shape errors are 400 with the path of the first bad field; rules that need the site's state
 * (unknown column, attachment not uploaded, hashes that disagree) are 422 and live in the store.
 */
import { z } from 'zod';
import { DISCLOSURE, VALIDITY } from './domain/catalogue.js';
import { isValidDate } from './domain/working-days.js';
import { WITHDRAWAL_REASONS, type WithdrawalReason } from './domain/approval-rules.js';

export const ITEM_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const SHA256 = /^[0-9a-f]{64}$/;

export { WITHDRAWAL_REASONS, type WithdrawalReason };

/** How a public page says the catalogue's validity and a withdrawal's reason (the site and WordPress alike). */
export const VALIDITY_LABEL: Record<string, string> = { valid: '有效', invalid: '失效', repealed: '废止' };
export const REASON_LABEL: Record<WithdrawalReason, string> = {
  published_in_error: '发布有误',
  expired_or_repealed: '已失效或废止',
  superseded: '已被新的信息替代',
};
export const RELATIONS = ['interprets', 'interpreted_by'] as const;

const Text = (max: number) => z.string().max(max);
const DateOnly = z.string().refine(isValidDate, 'expected a real date, YYYY-MM-DD');
const Sha = z.string().regex(SHA256, 'expected 64 lowercase hex digits');
const ItemId = z.string().regex(ITEM_ID, 'expected 1–64 of A-Z a-z 0-9 _ -, not starting with _ or -');
// Shown on the page and in Content-Disposition: no path separators, no control characters.
// eslint-disable-next-line no-control-regex
const FileName = z.string().min(1).max(255).regex(/^[^/\\\u0000-\u001f\u007f]+$/, 'no slashes or control characters').refine((n) => n !== '.' && n !== '..', 'not a file name');
const Instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s), 'expected an ISO 8601 date-time');

export const CatalogueSchema = z.object({
  indexNumber: Text(80).min(1),
  topic: Text(60),
  publisher: Text(60).min(1),
  writtenDate: DateOnly.nullable(),
  documentNumber: Text(60),
  /** null: the date the site first published the item (Asia/Shanghai). */
  publishDate: DateOnly.nullable(),
  validity: z.enum(VALIDITY),
  repealedDate: DateOnly.nullable(),
  disclosure: z.enum(DISCLOSURE),
  summary: Text(2000).default(''),
  keywords: Text(200).default(''),
  normative: z.boolean().default(false),
  draftingUnit: Text(60).default(''),
  coIssuers: z.array(Text(60).min(1)).max(20).default([]),
  leadUnit: Text(60).default(''),
  interpretationForm: Text(20).default(''),
});
export type Catalogue = z.infer<typeof CatalogueSchema>;

/** Who signed off what: both must name the contentHash of the edition being published. */
const ReviewSchema = z.object({ reviewer: Text(40).min(1), signedAt: Instant, contentHash: Sha });
const ApprovalSchema = z.object({ approver: Text(40).min(1), approvedAt: Instant, contentHash: Sha });

export const AttachmentRefSchema = z.object({
  sha256: Sha,
  name: FileName,
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  mime: Text(120).min(1),
});
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

export const RelatedSchema = z.object({ itemId: ItemId, relation: z.enum(RELATIONS) });
export type Related = z.infer<typeof RelatedSchema>;

export const PutItemSchema = z
  .object({
    edition: z.number().int().min(1).max(1_000_000),
    previousEdition: z.number().int().min(1).max(1_000_000).nullable(),
    columnId: Text(64).min(1),
    title: z.string().trim().min(1).max(200),
    catalogue: CatalogueSchema,
    bodyHtml: z.string().max(20 * 1024 * 1024),
    attachments: z.array(AttachmentRefSchema).max(200),
    related: z.array(RelatedSchema).max(200).default([]),
    contentHash: Sha,
    review: ReviewSchema,
    approval: ApprovalSchema,
    changeNote: Text(500).default(''),
    minorChange: z.boolean().default(false),
  })
  .refine((b) => b.previousEdition === null || b.previousEdition < b.edition, { path: ['previousEdition'], message: 'must be less than edition' });
export type PutItem = z.infer<typeof PutItemSchema>;

export const WithdrawalSchema = z.object({
  edition: z.number().int().min(1).max(1_000_000),
  reason: z.enum(WITHDRAWAL_REASONS),
  replacedBy: ItemId.nullable().default(null),
  note: Text(500).default(''),
});
export type Withdrawal = z.infer<typeof WithdrawalSchema>;

export const PACKAGE_FORMAT = 'gongkai-offline-package';
export const MANIFEST_FILE = 'manifest.json';
/** A readable copy of an item in the package: items/<itemId>-<edition>.json or .html. */
export const PACKAGE_ITEM_FILE = /^items\/[A-Za-z0-9][A-Za-z0-9_-]{0,63}-[0-9]{1,7}\.(json|html)$/;
/** The name a package file has in a folder or zip: the manifest, attachments by hash, item copies. */
export const PACKAGE_ENTRY = /^(manifest\.json|attachments\/[0-9a-f]{64}|items\/[A-Za-z0-9][A-Za-z0-9_-]{0,63}-[0-9]{1,7}\.(json|html))$/;

const Size = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * 离线发布包: manifest.json beside attachments/<sha256> and items/<itemId>-<edition>.{json,html}.
 * The manifest carries the PUT bodies themselves and the SHA-256 of every other file.
 */
export const PackageManifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(1),
  createdAt: Instant,
  attachments: z.array(z.object({ sha256: Sha, size: Size })).max(10_000),
  /** The readable copies (JSON as sent, HTML as a page), checked like attachments; optional. */
  files: z.array(z.object({ path: z.string().regex(PACKAGE_ITEM_FILE, 'expected items/<itemId>-<edition>.json or .html'), sha256: Sha, size: Size })).max(20_000).default([]),
  items: z.array(z.intersection(z.object({ itemId: ItemId }), PutItemSchema)).max(10_000),
  withdrawals: z.array(z.intersection(z.object({ itemId: ItemId }), WithdrawalSchema)).max(10_000).default([]),
});
export type PackageManifest = z.infer<typeof PackageManifestSchema>;

/** The first problem of a failed parse, as `field` (dotted path) and a message. */
export function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const field = issue?.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') ?? '';
  return { field: field || '(body)', message: issue?.message ?? 'invalid' };
}
