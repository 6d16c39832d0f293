/**
 * A reference implementation of the publishing API (docs/publishing-api.md): a real HTTP server
 * on 127.0.0.1 with its own SQLite file, which tests (and a website vendor) can run against. It
 * also serves the public pages a citizen would see, so tests can check what publishing produced.
 *
 * Fault injection makes it misbehave the way real sites and networks do — slow answers, 429s,
 * 500/503s, and a write that commits and then loses its response — from a seeded generator, so a
 * failing test fails the same way every time.
 *
 * It may import only from shared/ and npm packages; it knows nothing of the app's internals.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import { ITEM_ID, PutItemSchema, SHA256, WithdrawalSchema, firstIssue } from '../../shared/publishing-api.js';
import { seeded } from '../../shared/seeded-random.js';
import { SiteError, SiteStore } from './store.js';
import { ATTACHMENT_CSP, PAGE_CSP, SITE_CSS, columnPage, homePage, itemPage, notFoundPage } from './pages.js';

export interface Faults {
  /** Share of API requests answered 500 or 503 (half each) before anything is done. */
  errorRate?: number;
  /** Delay before every API request is handled. */
  latencyMs?: number;
  /** Share of API requests answered 429 with `Retry-After: 1` before anything is done. */
  rate429?: number;
  /** Share of writes (PUT, POST) that are carried out and committed, then lose their response: the socket is destroyed. */
  commitThenDrop?: number;
  /** Seed of the generator that decides which requests fail; default 1. */
  seed?: number;
}

export interface ReferenceSiteOptions {
  dataDir: string;
  port?: number;
  /** The Bearer token the API requires. */
  token: string;
  faults?: Faults;
  siteName?: string;
  /** Largest attachment accepted (413 above it); default 2 GiB, the app's own limit. */
  maxAttachmentBytes?: number;
  /** The site's clock (publishedAt, withdrawnAt). */
  now?: () => Date;
  /** Unexpected errors (answered 500); default console.error. */
  onError?: (error: unknown) => void;
  /** better-sqlite3's native module for the running runtime, when not the default one. */
  sqliteBinding?: string;
}

export interface ReferenceSite {
  url: string;
  port: number;
  /** Direct access for tests and the offline-package importer. */
  store: SiteStore;
  now(): string;
  close(): Promise<void>;
  /** Replaces the faults and restarts the generator from their seed. */
  setFaults(faults: Faults): void;
}

export const MAX_JSON_BYTES = 25 * 1024 * 1024;
const PAGE_SIZE = 20;

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};
const PAGE_HEADERS = {
  'content-security-policy': PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/** Content types the site will name when serving an attachment; anything else is octet-stream. */
const SAFE_MIME = new Set([
  'application/pdf',
  'application/ofd',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/zip',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'audio/mpeg',
  'video/mp4',
]);

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body, headers };
}

function errorReply(e: SiteError): Reply {
  const body: Record<string, unknown> = { code: e.code, message: e.message };
  if (e.extra.field !== undefined) body.field = e.extra.field;
  if (e.extra.missing !== undefined) body.missing = e.extra.missing;
  if (e.status === 409) body.current = e.extra.current ?? null;
  return json(e.status, body, e.status === 401 ? { 'www-authenticate': 'Bearer' } : {});
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { field, message } = firstIssue(parsed.error);
  throw new SiteError(400, 'invalid_request', `${field}: ${message}`, { field });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!String(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    throw new SiteError(415, 'unsupported_media_type', 'send application/json');
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_JSON_BYTES) throw new SiteError(413, 'payload_too_large', `at most ${MAX_JSON_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) throw new SiteError(413, 'payload_too_large', `at most ${MAX_JSON_BYTES} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new SiteError(400, 'invalid_request', 'the body is not JSON', { field: '(body)' });
  }
}

function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function startReferenceSite(options: ReferenceSiteOptions): Promise<ReferenceSite> {
  const store = new SiteStore(options.dataDir, options.sqliteBinding);
  const siteName = options.siteName ?? '示例市人民政府门户网站';
  const maxAttachmentBytes = options.maxAttachmentBytes ?? 2048 * 1024 * 1024;
  const clock = options.now ?? (() => new Date());
  const now = () => clock().toISOString();
  const onError = options.onError ?? ((error: unknown) => console.error('reference site:', error));
  let faults: Faults = {};
  let random = seeded(1);
  const setFaults = (f: Faults) => {
    faults = { ...f };
    random = seeded(f.seed ?? 1);
  };
  setFaults(options.faults ?? {});
  let origin = '';
  let closed = false;

  const absolute = <T extends { path: string }>({ path, ...rest }: T) => ({ ...rest, url: origin + path });

  // ---- API ------------------------------------------------------------------------------------

  async function upload(req: IncomingMessage, sha256: string): Promise<Reply> {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxAttachmentBytes) throw new SiteError(413, 'payload_too_large', `at most ${maxAttachmentBytes} bytes`);
    const tmp = join(store.tmpDir, `${sha256}.${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const file = await open(tmp, 'wx');
    try {
      try {
        for await (const chunk of req as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > maxAttachmentBytes) throw new SiteError(413, 'payload_too_large', `at most ${maxAttachmentBytes} bytes`);
          hash.update(chunk);
          await file.write(chunk);
        }
        await file.datasync();
      } finally {
        await file.close();
      }
      const actual = hash.digest('hex');
      if (actual !== sha256) throw new SiteError(400, 'hash_mismatch', `the bytes hash to ${actual}, not ${sha256}`, { field: 'sha256' });
      // Bytes first, then the row: a crash in between leaves a file a re-upload will adopt.
      await mkdir(store.blobFolder(sha256), { recursive: true });
      if (existsSync(store.blobPath(sha256))) await rm(tmp, { force: true });
      else await rename(tmp, store.blobPath(sha256));
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
    const created = store.recordAttachment(sha256, size, now());
    return json(created ? 201 : 200, { sha256, size });
  }

  async function route(req: IncomingMessage, pathname: string): Promise<Reply> {
    const auth = req.headers.authorization ?? '';
    const presented = /^Bearer (\S+)$/.exec(auth)?.[1];
    if (presented === undefined || !sameSecret(presented, options.token)) throw new SiteError(401, 'unauthorized', 'a valid Bearer token is required');
    const method = req.method ?? 'GET';
    const notAllowed = (allow: string) => json(405, { code: 'method_not_allowed', message: `use ${allow}` }, { allow });

    if (pathname === '/api/v1/columns') {
      if (method !== 'GET') return notAllowed('GET');
      return json(200, store.columns());
    }

    const attachment = /^\/api\/v1\/attachments\/([^/]*)$/.exec(pathname);
    if (attachment) {
      const sha256 = decode(attachment[1]!) ?? '';
      if (method !== 'PUT' && method !== 'HEAD') return notAllowed('PUT, HEAD');
      if (!SHA256.test(sha256)) throw new SiteError(400, 'invalid_request', 'expected 64 lowercase hex digits', { field: 'sha256' });
      if (method === 'HEAD') return store.attachment(sha256) ? json(200, null) : json(404, null);
      return upload(req, sha256);
    }

    const item = /^\/api\/v1\/items\/([^/]*)(\/withdrawal)?$/.exec(pathname);
    if (item) {
      const itemId = decode(item[1]!) ?? '';
      const withdrawal = item[2] !== undefined;
      if (withdrawal ? method !== 'POST' : method !== 'PUT' && method !== 'GET') return notAllowed(withdrawal ? 'POST' : 'GET, PUT');
      if (!ITEM_ID.test(itemId)) throw new SiteError(400, 'invalid_request', 'expected 1–64 of A-Z a-z 0-9 _ -', { field: 'itemId' });
      if (method === 'GET') {
        const state = store.state(itemId);
        if (!state) throw new SiteError(404, 'not_found', 'the site has no such item');
        const { withdrawal: w, ...rest } = state;
        return json(200, { ...absolute(rest), withdrawal: w && absolute(w) });
      }
      if (withdrawal) {
        const body = parse(WithdrawalSchema, await readJson(req));
        const { created, result } = store.withdraw(itemId, body, now());
        return json(created ? 201 : 200, absolute(result));
      }
      const body = parse(PutItemSchema, await readJson(req));
      const { created, result } = store.publish(itemId, body, now());
      return json(created ? 201 : 200, absolute(result));
    }
    throw new SiteError(404, 'not_found', 'no such endpoint');
  }

  async function api(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    // Three draws per request, always, so the same seed and requests give the same faults.
    const [u429, uError, uDrop] = [random(), random(), random()];
    if (faults.latencyMs) await new Promise((done) => setTimeout(done, faults.latencyMs));
    if (closed) return void req.socket.destroy();
    let reply: Reply;
    if (u429 < (faults.rate429 ?? 0)) {
      reply = json(429, { code: 'rate_limited', message: 'too many requests; retry after 1 second' }, { 'retry-after': '1' });
    } else if (uError < (faults.errorRate ?? 0)) {
      reply =
        uError < (faults.errorRate ?? 0) / 2
          ? json(503, { code: 'unavailable', message: 'the site is temporarily unavailable' }, { 'retry-after': '1' })
          : json(500, { code: 'internal', message: 'internal error (injected)' });
    } else {
      try {
        reply = await route(req, pathname);
      } catch (error) {
        if (!(error instanceof SiteError)) throw error;
        reply = errorReply(error);
      }
      if ((req.method === 'PUT' || req.method === 'POST') && uDrop < (faults.commitThenDrop ?? 0)) {
        req.socket.destroy(); // done and committed, but the client never hears of it
        return;
      }
    }
    res.writeHead(reply.status, { ...JSON_HEADERS, ...reply.headers });
    res.end(reply.body === undefined || reply.body === null ? undefined : JSON.stringify(reply.body));
  }

  // ---- public pages ---------------------------------------------------------------------------

  function page(res: ServerResponse, status: number, html: string): void {
    res.writeHead(status, { ...PAGE_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(html);
  }

  function publicPage(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...PAGE_HEADERS, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('405');
    }
    const path = url.pathname;
    const notFound = () => page(res, 404, notFoundPage(siteName));
    if (path === '/') return page(res, 200, homePage(siteName, store.columns()));
    if (path === '/site.css') {
      res.writeHead(200, { ...PAGE_HEADERS, 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' });
      return void res.end(SITE_CSS);
    }
    const column = /^\/columns\/([^/]+)$/.exec(path);
    if (column) {
      const c = store.column(decode(column[1]!) ?? '');
      if (!c) return notFound();
      const pageNumber = Math.min(Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1), 100_000);
      return page(res, 200, columnPage(siteName, store.columns(), c, store.columnItems(c.id, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE), pageNumber, PAGE_SIZE));
    }
    const item = /^\/items\/([^/]+)$/.exec(path);
    if (item) {
      const itemId = decode(item[1]!) ?? '';
      const p = ITEM_ID.test(itemId) ? store.itemPage(itemId) : null;
      return p ? page(res, 200, itemPage(siteName, store.columns(), p)) : notFound();
    }
    const download = /^\/attachments\/([0-9a-f]{64})\/([^/]+)$/.exec(path);
    if (download) {
      const sha256 = download[1]!;
      const name = decode(download[2]!);
      const found = name === null ? null : store.publicAttachment(sha256, name);
      if (!found || name === null) return notFound();
      res.writeHead(200, {
        'content-type': SAFE_MIME.has(found.mime.toLowerCase()) ? found.mime.toLowerCase() : 'application/octet-stream',
        'content-length': String(found.size),
        'content-disposition': contentDisposition(name),
        'content-security-policy': ATTACHMENT_CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      });
      if (req.method === 'HEAD') return void res.end();
      const stream = createReadStream(store.blobPath(sha256));
      stream.on('error', () => res.destroy());
      return void stream.pipe(res);
    }
    return notFound();
  }

  // ---- server ---------------------------------------------------------------------------------

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site.invalid');
    const handle = url.pathname.startsWith('/api/') ? api(req, res, url.pathname) : (async () => publicPage(req, res, url))();
    handle.catch((error: unknown) => {
      if (!closed) onError(error);
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, JSON_HEADERS);
        res.end(JSON.stringify({ code: 'internal', message: 'internal error' }));
      } else {
        res.destroy();
      }
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', (error) => {
      store.close();
      reject(error);
    });
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      origin = `http://127.0.0.1:${port}`;
      resolve({
        url: origin,
        port,
        store,
        now,
        setFaults,
        close: () =>
          new Promise<void>((done) => {
            closed = true;
            server.closeAllConnections();
            server.close(() => {
              store.close();
              done();
            });
          }),
      });
    });
  });
}

