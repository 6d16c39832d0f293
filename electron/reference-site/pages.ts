/**
 * The pages a citizen sees: server-rendered HTML that needs no script. Every value from an item
 * goes through `esc` (text and attribute values alike) or, for the body, through the sanitiser
 * below — the same allowlist as the app's electron/core/html-sanitizer.ts, applied again here
 * because a website must not trust what it is sent. The CSP allows no script at all.
 */
import sanitizeHtml from 'sanitize-html';
import { shanghaiDate, type Column, type ColumnListing, type ItemPage, type LinkedItem } from './store.js';
import { REASON_LABEL, VALIDITY_LABEL, type AttachmentRef } from '../../shared/publishing-api.js';

export const PAGE_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Attachments never render on the site's origin: downloaded, sandboxed, type not sniffed. */
export const ATTACHMENT_CSP = "default-src 'none'; sandbox";

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function attachmentHref(a: { sha256: string; name: string }): string {
  return `/attachments/${a.sha256}/${encodeURIComponent(a.name)}`;
}

// ---- body sanitiser (allowlist equivalent to the app's) -----------------------------------

const ALLOWED_TAGS = [
  'p', 'br', 'h1', 'h2', 'h3', 'h4', 'strong', 'em', 'u', 's', 'sub', 'sup', 'blockquote',
  'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'img', 'hr', 'code', 'pre',
];
const DROP_WITH_CONTENT = [
  'script', 'style', 'noscript', 'template', 'xmp', 'plaintext', 'textarea', 'select', 'option',
  'iframe', 'frame', 'frameset', 'noframes', 'object', 'applet', 'embed', 'noembed',
  'svg', 'math', 'canvas', 'audio', 'video', 'head', 'title', 'xml',
];
const LINK = /^(?:https?:\/\/|mailto:)[^\s\p{Cc}]+$/iu;
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/;
const ATTACHMENT_IMAGE = /^attachments\/([0-9a-f]{64})$/;
const SPAN = /^[1-9]\d{0,2}$/;

/**
 * The body as the site shows it. Images are embedded data or one of this edition's attachments
 * (`attachments/<sha256>` in the app, rewritten to the site's download address); anything else,
 * and every script, handler, style and remote resource, is dropped.
 */
export function sanitizeBody(html: string, attachments: readonly AttachmentRef[]): string {
  const bySha = new Map(attachments.map((a) => [a.sha256, a]));
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'rel', 'target'], img: ['src', 'alt'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
    allowedSchemes: [],
    allowedSchemesByTag: { a: ['http', 'https', 'mailto'], img: ['data'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: DROP_WITH_CONTENT,
    parseStyleAttributes: false,
    transformTags: {
      // Tags keep their names (renaming to a discarded tag confuses sanitize-html's close tags);
      // a rejected link keeps its text, a rejected image is filtered out below.
      a: (tagName, attribs): sanitizeHtml.Tag => {
        const href = attribs.href?.trim() ?? '';
        return { tagName, attribs: LINK.test(href) ? { href, rel: 'noopener noreferrer', target: '_blank' } : {} };
      },
      img: (tagName, attribs): sanitizeHtml.Tag => {
        const src = attribs.src?.trim() ?? '';
        const own = ATTACHMENT_IMAGE.exec(src)?.[1];
        const attachment = own === undefined ? undefined : bySha.get(own);
        const compact = src.replace(/\s+/g, '');
        const safe = attachment ? attachmentHref(attachment) : DATA_IMAGE.test(compact) ? compact : '';
        const alt = attribs.alt ?? '';
        return { tagName, attribs: safe ? (alt ? { src: safe, alt } : { src: safe }) : {} };
      },
      td: spans,
      th: spans,
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  });
}

function spans(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const out: Record<string, string> = {};
  for (const span of ['colspan', 'rowspan']) {
    const value = attribs[span]?.trim();
    if (value && SPAN.test(value)) out[span] = value;
  }
  return { tagName, attribs: out };
}

// ---- pages ------------------------------------------------------------------------------------

export const SITE_CSS = `
body { margin: 0; font: 16px/1.7 "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #222; background: #f4f5f7; }
header.site { background: #b71c1c; color: #fff; padding: 14px 24px; }
header.site a { color: #fff; text-decoration: none; font-size: 20px; font-weight: bold; }
main { max-width: 960px; margin: 16px auto; background: #fff; padding: 20px 28px; }
nav.crumbs { font-size: 14px; color: #666; margin-bottom: 12px; }
h1 { font-size: 24px; text-align: center; margin: 16px 0; }
table.catalogue { width: 100%; border-collapse: collapse; margin-bottom: 20px; font-size: 14px; }
table.catalogue th, table.catalogue td { border: 1px solid #d9d9d9; padding: 6px 10px; text-align: left; }
table.catalogue th { background: #f0f3f7; width: 7em; white-space: nowrap; }
ul.items { list-style: none; padding: 0; }
ul.items li { display: flex; justify-content: space-between; border-bottom: 1px dashed #ddd; padding: 6px 0; }
ul.items time { color: #888; margin-left: 16px; white-space: nowrap; }
.withdrawn { border: 2px solid #b71c1c; background: #fff4f4; padding: 10px 16px; margin-bottom: 16px; }
.body { margin: 20px 0; }
.body table { border-collapse: collapse; } .body td, .body th { border: 1px solid #ccc; padding: 4px 8px; }
.body img { max-width: 100%; }
section { margin-top: 20px; } section h2 { font-size: 17px; border-left: 4px solid #b71c1c; padding-left: 8px; }
.tag { color: #b71c1c; font-size: 13px; margin-left: 6px; }
`;

function layout(siteName: string, title: string, content: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} - ${esc(siteName)}</title>
<link rel="stylesheet" href="/site.css">
</head>
<body>
<header class="site"><a href="/">${esc(siteName)}</a></header>
<main>
${content}
</main>
</body>
</html>
`;
}

export function homePage(siteName: string, columns: readonly Column[]): string {
  const children = (parent: string | null): string => {
    const list = columns.filter((c) => c.parentId === parent);
    if (!list.length) return '';
    return `<ul>${list.map((c) => `<li><a href="/columns/${encodeURIComponent(c.id)}">${esc(c.name)}</a>${children(c.id)}</li>`).join('')}</ul>`;
  };
  return layout(siteName, '政府信息公开', `<h1>政府信息公开</h1>\n<nav class="columns" aria-label="栏目">${children(null)}</nav>`);
}

function crumbs(columns: readonly Column[], column: Column | null): string {
  const trail: Column[] = [];
  for (let c = column; c && trail.length < 10; c = columns.find((x) => x.id === c!.parentId) ?? null) trail.unshift(c);
  return `<nav class="crumbs"><a href="/">首页</a>${trail.map((c) => ` &gt; <a href="/columns/${encodeURIComponent(c.id)}">${esc(c.name)}</a>`).join('')}</nav>`;
}

function linkedItem(x: LinkedItem): string {
  return `<li><a href="/items/${encodeURIComponent(x.itemId)}">${esc(x.title)}</a>${x.withdrawn ? '<span class="tag">已撤回</span>' : ''}<time>${esc(x.publishDate)}</time></li>`;
}

export function columnPage(
  siteName: string,
  columns: readonly Column[],
  column: Column,
  listing: { rows: ColumnListing[]; total: number },
  page: number,
  pageSize: number,
): string {
  const sub = columns.filter((c) => c.parentId === column.id);
  const pages = Math.max(1, Math.ceil(listing.total / pageSize));
  const pager =
    pages > 1
      ? `<nav class="pager">${page > 1 ? `<a href="/columns/${encodeURIComponent(column.id)}?page=${page - 1}">上一页</a> ` : ''}第 ${page} / ${pages} 页${
          page < pages ? ` <a href="/columns/${encodeURIComponent(column.id)}?page=${page + 1}">下一页</a>` : ''
        }</nav>`
      : '';
  const content = [
    crumbs(columns, column),
    `<h1>${esc(column.name)}</h1>`,
    sub.length ? `<ul class="subcolumns">${sub.map((c) => `<li><a href="/columns/${encodeURIComponent(c.id)}">${esc(c.name)}</a></li>`).join('')}</ul>` : '',
    listing.rows.length ? `<ul class="items">${listing.rows.map(linkedItem).join('')}</ul>` : '<p class="empty">暂无信息</p>',
    pager,
  ];
  return layout(siteName, column.name, content.join('\n'));
}

function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function itemPage(siteName: string, columns: readonly Column[], p: ItemPage): string {
  const e = p.current;
  const c = e.catalogue;
  const validity = VALIDITY_LABEL[c.validity] ?? c.validity;
  const row = (...cells: [string, string][]) =>
    `<tr>${cells.map(([label, value], i) => `<th scope="row">${label}</th><td${cells.length === 1 && i === 0 ? ' colspan="3"' : ''}>${value}</td>`).join('')}</tr>`;
  const header = `<table class="catalogue">
${row(['索引号', esc(c.indexNumber)], ['主题分类', esc(c.topic)])}
${row(['发布机构', esc(c.publisher)], ['成文日期', esc(c.writtenDate)])}
${row(['名称', esc(e.title)])}
${row(['发文字号', esc(c.documentNumber)], ['发布日期', esc(e.publishDate)])}
${row(['有效性', esc(validity) + (c.validity === 'repealed' && c.repealedDate ? `（${esc(c.repealedDate)} 废止）` : '')])}
</table>`;

  const w = p.withdrawal;
  const hidden = w?.reason === 'published_in_error';
  const notice = w
    ? `<div class="withdrawn" role="alert"><p><strong>该信息已撤回：${esc(REASON_LABEL[w.reason])}</strong>（撤回时间：${esc(shanghaiDate(w.withdrawnAt))}）</p>${
        w.note ? `<p>说明：${esc(w.note)}</p>` : ''
      }${w.replacedByItem ? `<p>替代信息：<a href="/items/${encodeURIComponent(w.replacedByItem.itemId)}">${esc(w.replacedByItem.title)}</a></p>` : ''}${
        hidden ? '<p>正文及附件已不再提供。</p>' : ''
      }</div>`
    : '';

  const attachments =
    !hidden && e.attachments.length
      ? `<section class="attachments"><h2>附件</h2><ul>${e.attachments
          .map((a) => `<li><a href="${esc(attachmentHref(a))}" download="${esc(a.name)}">${esc(a.name)}</a>（${esc(humanSize(a.size))}）</li>`)
          .join('')}</ul></section>`
      : '';
  const related = (title: string, cls: string, list: LinkedItem[]) =>
    list.length ? `<section class="${cls}"><h2>${title}</h2><ul class="items">${list.map(linkedItem).join('')}</ul></section>` : '';
  const changes = p.history.filter((h) => !h.minorChange && h.changeNote);
  const history = changes.length
    ? `<section class="history"><h2>更新记录</h2><ul>${changes.map((h) => `<li><time>${esc(shanghaiDate(h.publishedAt))}</time> ${esc(h.changeNote)}</li>`).join('')}</ul></section>`
    : '';

  const content = [
    crumbs(columns, p.column),
    notice,
    header,
    `<h1>${esc(e.title)}</h1>`,
    hidden ? '' : `<div class="body">${sanitizeBody(e.bodyHtml, e.attachments)}</div>`,
    attachments,
    related('相关解读', 'interpretations', p.interpretations),
    related('解读的政策文件', 'documents', p.documents),
    history,
  ];
  return layout(siteName, e.title, content.filter(Boolean).join('\n'));
}

export function notFoundPage(siteName: string): string {
  return layout(siteName, '页面不存在', '<h1>页面不存在</h1><p><a href="/">返回首页</a></p>');
}
