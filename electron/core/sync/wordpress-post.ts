/**
 * How an item becomes a WordPress post (docs/publishing-api.md, "WordPress"): pure functions, so
 * the mapping is tested without a site. The post carries a marker comment with the item, edition
 * and content hash; it is how a retry recognises its own earlier write and how a post changed by
 * someone else is told apart.
 */
import type { WithdrawalReason } from '../../../shared/domain/approval-rules.js';
import { REASON_LABEL, VALIDITY_LABEL } from '../../../shared/publishing-api.js';

/** The parts of the publishing request body (services/publishing.ts payload) a post is made of. */
export interface ItemRequest {
  edition: number;
  previousEdition: number | null;
  columnId: string;
  title: string;
  catalogue: {
    indexNumber: string;
    topic: string;
    publisher: string;
    writtenDate: string | null;
    documentNumber: string;
    publishDate: string | null;
    validity: string;
    repealedDate: string | null;
  };
  bodyHtml: string;
  attachments: { sha256: string; name: string; size: number; mime: string }[];
  related: { itemId: string; relation: 'interprets' | 'interpreted_by' }[];
  contentHash: string;
}

export interface WithdrawalRequest {
  reason: WithdrawalReason;
  note: string;
  replacedBy: string | null;
}

/** The post's slug: WordPress lowercases slugs, and item ids are lowercase UUIDs already. */
export const postSlug = (itemId: string) => `gk-${itemId.toLowerCase()}`;
/** Media are named by content, so one file attached to several items is uploaded once. */
export const mediaSlug = (sha256: string) => `gk-file-${sha256.toLowerCase()}`;

export interface PostMarker {
  itemId: string;
  edition: number;
  contentHash: string;
}

const MARKER = /<!-- gongkai:item=([0-9a-z-]+) edition=(\d+) hash=([0-9a-f]+) -->/;

export function parseMarker(content: string): PostMarker | null {
  const m = MARKER.exec(content);
  return m ? { itemId: m[1]!, edition: Number(m[2]), contentHash: m[3]! } : null;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface PostLinks {
  /** sha256 → the media file's URL on the site. */
  media: Map<string, string>;
  /** itemId → { url, title } of the related post (or its permalink query when not yet on the site). */
  related: Map<string, { url: string; title: string }>;
}

/** The post body: marker, catalogue header (the same rows as the reference site), body, attachments, 解读 ↔ 文件 links. */
export function renderPostContent(itemId: string, item: ItemRequest, links: PostLinks): string {
  const c = item.catalogue;
  const cell = (label: string, value: string | null) => `<th scope="row">${label}</th><td>${esc(value ?? '')}</td>`;
  const validity = (VALIDITY_LABEL[c.validity] ?? c.validity) + (c.validity === 'repealed' && c.repealedDate ? `（${c.repealedDate} 废止）` : '');
  const header = [
    '<table class="gk-catalogue">',
    `<tr>${cell('索引号', c.indexNumber)}${cell('主题分类', c.topic)}</tr>`,
    `<tr>${cell('发布机构', c.publisher)}${cell('成文日期', c.writtenDate)}</tr>`,
    `<tr>${cell('发文字号', c.documentNumber)}${cell('发布日期', c.publishDate)}</tr>`,
    `<tr>${cell('有效性', validity)}</tr>`,
    '</table>',
  ].join('\n');
  const attachments = item.attachments.length
    ? `<h2>附件</h2>\n<ul class="gk-attachments">${item.attachments.map((a) => `<li><a href="${esc(links.media.get(a.sha256) ?? '')}">${esc(a.name)}</a></li>`).join('')}</ul>`
    : '';
  const relatedList = (relation: ItemRequest['related'][number]['relation'], heading: string) => {
    const items = item.related.filter((r) => r.relation === relation).map((r) => links.related.get(r.itemId));
    return items.length
      ? `<h2>${heading}</h2>\n<ul class="gk-related gk-${relation.replace('_', '-')}">${items.map((r) => (r ? `<li><a href="${esc(r.url)}">${esc(r.title)}</a></li>` : '')).join('')}</ul>`
      : '';
  };
  return [
    `<!-- gongkai:item=${itemId.toLowerCase()} edition=${item.edition} hash=${item.contentHash} -->`,
    header,
    `<div class="gk-body">${item.bodyHtml}</div>`,
    attachments,
    relatedList('interprets', '相关文件'),
    relatedList('interpreted_by', '相关解读'),
  ]
    .filter(Boolean)
    .join('\n');
}

const WITHDRAWN = /<div class="gk-withdrawn"[\s\S]*?<\/div>\n?/;

/** 撤稿 on WordPress: the notice with the typed reason goes on top of the (now draft) post, once. */
export function withWithdrawalNotice(content: string, w: WithdrawalRequest, replacedBy: { url: string; title: string } | null): string {
  const notice = `<div class="gk-withdrawn"><p><strong>该信息已撤回：${REASON_LABEL[w.reason]}</strong></p>${w.note ? `<p>说明：${esc(w.note)}</p>` : ''}${
    replacedBy ? `<p>替代信息：<a href="${esc(replacedBy.url)}">${esc(replacedBy.title)}</a></p>` : ''
  }</div>\n`;
  const rest = content.replace(WITHDRAWN, '');
  const marker = parseMarker(rest) ? MARKER.exec(rest)![0] : '';
  return marker ? rest.replace(marker, `${marker}\n${notice.trimEnd()}`) : notice + rest;
}

export function withdrawalNoticeOf(content: string): string | null {
  return WITHDRAWN.exec(content)?.[0] ?? null;
}
