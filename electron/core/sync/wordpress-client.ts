/**
 * The publishing contract on a WordPress site (REST API wp/v2, Application Passwords over HTTP
 * Basic auth). It answers the worker as the publishing API would, so the worker's exactly-once,
 * ordering and error handling are the same for both targets:
 * - an item is the post with slug gk-<itemId>, looked up before every write, so a retry after a
 *   lost answer finds its own post (same edition and hash in the marker) instead of creating one;
 * - a post whose marker shows an edition other than the one we last published is a 409 conflict;
 * - attachments are media with slug gk-file-<sha256>, uploaded once;
 * - 撤稿 puts the post back to draft with the reason on top (trash would rename its slug).
 * WordPress's own status codes pass through: 400/401/403/404 stop the job, 429/5xx/no answer retry.
 */
import type { NetworkSettings } from './http.js';
import { siteHttpFor } from './http.js';
import { toSiteResponse, type AttachmentRef, type SiteClient, type SiteResponse } from './site-client.js';
import {
  mediaSlug,
  parseMarker,
  postSlug,
  renderPostContent,
  withWithdrawalNotice,
  withdrawalNoticeOf,
  type ItemRequest,
  type PostLinks,
  type WithdrawalRequest,
} from './wordpress-post.js';

export interface WordPressTarget {
  /** The site's root, e.g. https://www.example.gov.cn (a trailing /wp-json is accepted). */
  siteUrl: string;
  username: string;
  applicationPassword: string;
}

interface WpPost {
  id: number;
  slug: string;
  status: string;
  link: string;
  date_gmt: string | null;
  title: { raw?: string; rendered?: string };
  content: { raw?: string; rendered?: string };
}

interface WpMedia {
  id: number;
  source_url: string;
}

/** Every status but trash (a trashed post's slug gets a __trashed suffix, so it is not ours any more). */
const ANY_STATUS = 'publish,future,draft,pending,private';

type Found<T> = { ok: true; value: T } | { ok: false; response: SiteResponse };

export function wordpressSiteClient(target: WordPressTarget, network: NetworkSettings): SiteClient {
  const root = target.siteUrl.replace(/\/+$/, '').replace(/\/wp-json$/, '');
  const http = siteHttpFor(network);
  const authorization = `Basic ${Buffer.from(`${target.username}:${target.applicationPassword}`).toString('base64')}`;
  const media = new Map<string, WpMedia>();
  const categories = new Map<string, number>();

  const call = (method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}) =>
    http.send({ method, url: `${root}/wp-json/wp/v2${path}`, headers: { authorization, ...headers }, ...(body === undefined ? {} : { body }) });
  const json = (method: string, path: string, body: unknown) => call(method, path, JSON.stringify(body), { 'content-type': 'application/json' });

  /** The one item in a ?slug= list, or null; any failure as the worker's response. */
  async function findOne<T>(path: string): Promise<Found<T | null>> {
    const answer = await call('GET', path);
    if (answer.status !== 200 || !Array.isArray(answer.json)) return { ok: false, response: toSiteResponse(answer) };
    return { ok: true, value: (answer.json[0] as T | undefined) ?? null };
  }
  const findPost = (itemId: string) => findOne<WpPost>(`/posts?slug=${postSlug(itemId)}&status=${ANY_STATUS}&context=edit`);

  async function findMedia(sha256: string): Promise<Found<WpMedia | null>> {
    const cached = media.get(sha256);
    if (cached) return { ok: true, value: cached };
    const found = await findOne<WpMedia>(`/media?slug=${mediaSlug(sha256)}`);
    if (found.ok && found.value) media.set(sha256, found.value);
    return found;
  }

  /** The column is the WordPress category: its numeric id, or its slug. */
  async function categoryId(columnId: string): Promise<Found<number>> {
    const cached = categories.get(columnId);
    if (cached !== undefined) return { ok: true, value: cached };
    const numeric = /^\d+$/.test(columnId);
    const answer = await call('GET', numeric ? `/categories/${columnId}` : `/categories?slug=${encodeURIComponent(columnId)}`);
    const category = (Array.isArray(answer.json) ? answer.json[0] : answer.json) as { id?: number } | undefined;
    if (answer.status !== 200 || typeof category?.id !== 'number') {
      const response = toSiteResponse(answer);
      // An unknown slug lists nothing (200 []): as permanent as WordPress's own 404 for an unknown id.
      return { ok: false, response: { ...response, status: answer.status === 200 ? 404 : answer.status, message: `WordPress category "${columnId}": ${answer.status === 200 ? 'not found' : response.message}` } };
    }
    categories.set(columnId, category.id);
    return { ok: true, value: category.id };
  }

  async function relatedLinks(itemIds: string[]): Promise<Found<PostLinks['related']>> {
    const related: PostLinks['related'] = new Map();
    for (const itemId of itemIds) {
      const post = await findPost(itemId);
      if (!post.ok) return post;
      // Not on the site yet (the interpretation of a document published first): WordPress resolves
      // ?name=<slug> to the post once it is published.
      related.set(itemId, post.value ? { url: post.value.link, title: post.value.title.raw ?? post.value.title.rendered ?? '' } : { url: `${root}/?name=${postSlug(itemId)}`, title: itemId });
    }
    return { ok: true, value: related };
  }

  const published = (post: WpPost, status: number, marker = parseMarker(post.content.raw ?? '')): SiteResponse => ({
    status,
    body: { url: post.link, publishedAt: post.date_gmt ? `${post.date_gmt}Z` : null, edition: marker?.edition ?? null, contentHash: marker?.contentHash ?? null, postId: post.id },
    retryAfterSeconds: null,
    message: `post ${post.id}`,
  });

  return {
    async hasAttachment(sha256) {
      const found = await findMedia(sha256);
      if (!found.ok) return found.response;
      return { status: found.value ? 200 : 404, body: null, retryAfterSeconds: null, message: found.value ? `media ${found.value.id}` : 'not found' };
    },

    async putAttachment(attachment: AttachmentRef, data) {
      // Content-Disposition carries an ASCII file name (WordPress keeps only sanitised ASCII); the
      // real name becomes the media title and the link text in the post.
      const extension = /\.([A-Za-z0-9]{1,8})$/.exec(attachment.name)?.[1] ?? 'bin';
      const query = `slug=${mediaSlug(attachment.sha256)}&title=${encodeURIComponent(attachment.name)}`;
      const answer = await call('POST', `/media?${query}`, data, {
        'content-type': attachment.mime || 'application/octet-stream',
        'content-disposition': `attachment; filename="${attachment.sha256.slice(0, 16)}.${extension.toLowerCase()}"`,
      });
      if (answer.status === 201) media.set(attachment.sha256, answer.json as WpMedia);
      return toSiteResponse(answer);
    },

    async putItem(itemId, requestBody) {
      const item = requestBody as ItemRequest;
      const existing = await findPost(itemId);
      if (!existing.ok) return existing.response;
      const post = existing.value;
      if (post) {
        const marker = parseMarker(post.content.raw ?? '');
        if (marker?.edition === item.edition && marker.contentHash === item.contentHash) return published(post, 200, marker);
        if (marker?.edition !== item.previousEdition) {
          return {
            status: 409,
            body: { code: 'conflict', current: { postId: post.id, edition: marker?.edition ?? null, contentHash: marker?.contentHash ?? null, url: post.link } },
            retryAfterSeconds: null,
            message: `The WordPress post ${post.id} is not the edition last published from here`,
          };
        }
      }
      const category = await categoryId(item.columnId);
      if (!category.ok) return category.response;
      const files: PostLinks['media'] = new Map();
      for (const a of item.attachments) {
        const found = await findMedia(a.sha256);
        if (!found.ok) return found.response;
        if (!found.value) return { status: 404, body: null, retryAfterSeconds: null, message: `media for ${a.name} is missing on the site` };
        files.set(a.sha256, found.value.source_url);
      }
      const related = await relatedLinks(item.related.map((r) => r.itemId));
      if (!related.ok) return related.response;
      const fields = {
        slug: postSlug(itemId),
        status: 'publish',
        title: item.title,
        content: renderPostContent(itemId, item, { media: files, related: related.value }),
        categories: [category.value],
      };
      const answer = await json('POST', post ? `/posts/${post.id}` : '/posts', fields);
      if (answer.status !== 200 && answer.status !== 201) return toSiteResponse(answer);
      return published(answer.json as WpPost, answer.status);
    },

    async getItem(itemId) {
      const found = await findPost(itemId);
      if (!found.ok) return found.response;
      return found.value ? published(found.value, 200) : { status: 404, body: null, retryAfterSeconds: null, message: 'no post for this item' };
    },

    async withdraw(itemId, requestBody) {
      const w = requestBody as WithdrawalRequest;
      const found = await findPost(itemId);
      if (!found.ok) return found.response;
      const post = found.value;
      if (!post) return { status: 404, body: null, retryAfterSeconds: null, message: 'no post for this item' };
      const replacement = w.replacedBy ? await relatedLinks([w.replacedBy]) : null;
      if (replacement && !replacement.ok) return replacement.response;
      const content = withWithdrawalNotice(post.content.raw ?? '', w, replacement?.value.get(w.replacedBy!) ?? null);
      // A replay after a lost answer finds the post already withdrawn with this notice.
      if (post.status === 'draft' && withdrawalNoticeOf(content) === withdrawalNoticeOf(post.content.raw ?? '')) return published(post, 200);
      const answer = await json('POST', `/posts/${post.id}`, { status: 'draft', content });
      return answer.status === 200 ? published(answer.json as WpPost, 200) : toSiteResponse(answer);
    },

    async listColumns() {
      // users/me proves the credentials (the category list alone is public).
      const me = await call('GET', '/users/me?context=edit');
      if (me.status !== 200) return { response: toSiteResponse(me), columns: [] };
      // 100 is WordPress's largest page; a site with more categories is read page by page.
      const list: { id: number; name: string; parent: number }[] = [];
      for (let page = 1; page <= 50; page++) {
        const answer = await call('GET', `/categories?per_page=100&page=${page}`);
        if (answer.status !== 200 || !Array.isArray(answer.json)) return { response: toSiteResponse(answer), columns: [] };
        list.push(...(answer.json as typeof list));
        if (answer.json.length < 100) break;
      }
      return {
        response: { status: 200, body: null, retryAfterSeconds: null, message: `${list.length} categories` },
        columns: list.map((c) => ({ id: String(c.id), name: c.name, parentId: c.parent ? String(c.parent) : null })),
      };
    },
  };
}
