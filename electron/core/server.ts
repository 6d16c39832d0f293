/**
 * Browser mode: the same contract as the Electron IPC gate, served over HTTP on 127.0.0.1 only.
 * Defences: a random per-launch token on every API call, a Host check against DNS rebinding, an
 * Origin check against other sites, JSON-only bodies (no CORS-simple requests) and no CORS headers.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Backend } from './backend.js';
import type { ApiError } from '../../shared/errors.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy.js';

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export interface RunningServer {
  port: number;
  token: string;
  /** The address to open, with the token, which the page moves out of the address bar. */
  url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  backend: Backend;
  rendererDir: string;
  port?: number;
  token?: string;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, error: ApiError): void {
  send(res, status, { ok: false, error });
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, { code: 'api.unknown_command', params: { name: req.method ?? '' } });
    const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)).replace(/^([/\\])+/, '');
    const file = join(options.rendererDir, relative);
    if (!file.startsWith(options.rendererDir + sep)) return refuse(res, 404, { code: 'api.unknown_command', params: { name: pathname } });
    try {
      const body = await readFile(file);
      const type = MIME[extname(file)] ?? 'application/octet-stream';
      const cache = relative.startsWith('assets') ? 'public, max-age=31536000, immutable' : 'no-store';
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': cache });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      refuse(res, 404, { code: 'api.unknown_command', params: { name: pathname } });
    }
  }

  async function serveApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, { code: 'api.unknown_command', params: { name } });
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().some((h) => origin === `http://${h}`)) return refuse(res, 403, { code: 'api.bad_origin' });
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return refuse(res, 403, { code: 'api.bad_origin' });
    const presented = req.headers['x-gongkai-token'];
    if (typeof presented !== 'string' || !sameSecret(presented, token)) return refuse(res, 401, { code: 'api.bad_token' });
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(res, 415, { code: 'api.invalid_input', params: { fields: 'content-type' } });
    }
    const body = await readBody(req);
    if (body === null) {
      // The rest of the body is still arriving: close the connection rather than reuse it.
      res.shouldKeepAlive = false;
      return refuse(res, 413, { code: 'api.payload_too_large' });
    }
    let input: unknown;
    try {
      input = body ? JSON.parse(body) : {};
    } catch {
      return refuse(res, 400, { code: 'api.invalid_input', params: { fields: '(json)' } });
    }
    const session = req.headers['x-gongkai-session'];
    send(res, 200, await options.backend.call(name, input, typeof session === 'string' ? session : null));
  }

  const server = createServer((req, res) => {
    // A page on another site that rebinds its DNS name to 127.0.0.1 still sends its own Host.
    if (!allowedHosts().includes(req.headers.host ?? '')) return refuse(res, 403, { code: 'api.bad_host' });
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const api = /^\/api\/call\/([\w.]+)$/.exec(pathname);
    const handle = api ? serveApi(req, res, api[1]!) : serveStatic(req, res, pathname);
    handle.catch((error: unknown) => {
      options.backend.context(null).log.error('browser-mode request failed', error);
      if (!res.headersSent) refuse(res, 500, { code: 'api.internal' });
      else res.destroy();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
