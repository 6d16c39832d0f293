/**
 * The website side of the publishing API (docs/publishing-api.md) over HTTP. Every answer comes
 * back as data, including network failures, so the worker can classify it in one place.
 */
export interface SiteResponse {
  /** null: no HTTP answer at all (connection refused or dropped, timeout). */
  status: number | null;
  body: Record<string, unknown> | null;
  retryAfterSeconds: number | null;
  message: string;
}

export interface SiteClient {
  hasAttachment(sha256: string): Promise<SiteResponse>;
  putAttachment(sha256: string, data: Buffer): Promise<SiteResponse>;
  putItem(itemId: string, body: unknown): Promise<SiteResponse>;
  getItem(itemId: string): Promise<SiteResponse>;
  withdraw(itemId: string, body: unknown): Promise<SiteResponse>;
}

const TIMEOUT_MS = 30_000;

export function httpSiteClient(siteUrl: string, token: string): SiteClient {
  const base = siteUrl.replace(/\/+$/, '');
  async function send(method: string, path: string, body?: Buffer | string, contentType?: string): Promise<SiteResponse> {
    try {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(contentType ? { 'content-type': contentType } : {}) },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : new Uint8Array(body) }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await response.text();
      let parsed: Record<string, unknown> | null = null;
      try {
        parsed = text ? (JSON.parse(text) as Record<string, unknown>) : null;
      } catch {
        parsed = null;
      }
      const retryAfter = Number(response.headers.get('retry-after'));
      return {
        status: response.status,
        body: parsed,
        retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
        message: typeof parsed?.message === 'string' ? parsed.message : `HTTP ${response.status}`,
      };
    } catch (error) {
      return { status: null, body: null, retryAfterSeconds: null, message: (error as Error).message };
    }
  }
  return {
    hasAttachment: (sha) => send('HEAD', `/api/v1/attachments/${sha}`),
    putAttachment: (sha, data) => send('PUT', `/api/v1/attachments/${sha}`, data, 'application/octet-stream'),
    putItem: (itemId, body) => send('PUT', `/api/v1/items/${encodeURIComponent(itemId)}`, JSON.stringify(body), 'application/json'),
    getItem: (itemId) => send('GET', `/api/v1/items/${encodeURIComponent(itemId)}`),
    withdraw: (itemId, body) => send('POST', `/api/v1/items/${encodeURIComponent(itemId)}/withdrawal`, JSON.stringify(body), 'application/json'),
  };
}
