/**
 * The website side of the publishing API (docs/publishing-api.md) over HTTP. Every answer comes
 * back as data, including network failures, so the worker can classify it in one place.
 */
import { DIRECT, siteHttpFor, type HttpAnswer, type NetworkSettings } from './http.js';

export interface SiteResponse {
  /** null: no HTTP answer at all (connection refused or dropped, timeout). */
  status: number | null;
  body: Record<string, unknown> | null;
  retryAfterSeconds: number | null;
  message: string;
  /** With no answer: the system's reason (ECONNREFUSED, a certificate error, …). */
  errorCode?: string | null;
}

/** An attachment as listed in the item's request body; the name and type go with the bytes to sites that keep them. */
export interface AttachmentRef {
  sha256: string;
  name: string;
  mime: string;
}

/** A 栏目 on the website (a category on WordPress), for mapping the unit's categories to. */
export interface SiteColumn {
  id: string;
  name: string;
  parentId: string | null;
}

export interface SiteClient {
  hasAttachment(sha256: string): Promise<SiteResponse>;
  putAttachment(attachment: AttachmentRef, data: Buffer): Promise<SiteResponse>;
  putItem(itemId: string, body: unknown): Promise<SiteResponse>;
  getItem(itemId: string): Promise<SiteResponse>;
  withdraw(itemId: string, body: unknown): Promise<SiteResponse>;
  /** The site's columns; also proves the address, the network path and the credentials. */
  listColumns(): Promise<{ response: SiteResponse; columns: SiteColumn[] }>;
}

/** The worker's view of an HTTP answer: an object body (JSON arrays and text are not one). */
export function toSiteResponse(answer: HttpAnswer): SiteResponse {
  const body = answer.json !== null && typeof answer.json === 'object' && !Array.isArray(answer.json) ? (answer.json as Record<string, unknown>) : null;
  return { status: answer.status, body, retryAfterSeconds: answer.retryAfterSeconds, message: answer.message, errorCode: answer.errorCode };
}

export function httpSiteClient(siteUrl: string, token: string, network: NetworkSettings = DIRECT): SiteClient {
  const base = siteUrl.replace(/\/+$/, '');
  const http = siteHttpFor(network);
  const call = (method: string, path: string, body?: Buffer | string, contentType?: string) =>
    http.send({
      method,
      url: `${base}${path}`,
      headers: { authorization: `Bearer ${token}`, ...(contentType ? { 'content-type': contentType } : {}) },
      ...(body === undefined ? {} : { body }),
    });
  const send = async (method: string, path: string, body?: Buffer | string, contentType?: string) => toSiteResponse(await call(method, path, body, contentType));
  return {
    hasAttachment: (sha) => send('HEAD', `/api/v1/attachments/${sha}`),
    putAttachment: ({ sha256 }, data) => send('PUT', `/api/v1/attachments/${sha256}`, data, 'application/octet-stream'),
    putItem: (itemId, body) => send('PUT', `/api/v1/items/${encodeURIComponent(itemId)}`, JSON.stringify(body), 'application/json'),
    getItem: (itemId) => send('GET', `/api/v1/items/${encodeURIComponent(itemId)}`),
    withdraw: (itemId, body) => send('POST', `/api/v1/items/${encodeURIComponent(itemId)}/withdrawal`, JSON.stringify(body), 'application/json'),
    async listColumns() {
      const answer = await call('GET', '/api/v1/columns');
      const list = answer.status === 200 && Array.isArray(answer.json) ? (answer.json as { id: string; name: string; parentId?: string | null }[]) : [];
      return { response: toSiteResponse(answer), columns: list.map((c) => ({ id: c.id, name: c.name, parentId: c.parentId ?? null })) };
    },
  };
}
