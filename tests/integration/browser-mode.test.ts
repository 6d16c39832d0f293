import { request } from 'node:http';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/core/server.js';
import { writeLaunchFile } from '../../electron/core/browser-launch.js';
import { makeBackend, tempDir, type TestBackend } from '../support/backend.js';

let t: TestBackend;
let server: RunningServer;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests control every header (Host and Origin included). */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function apiHeaders(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    host: `127.0.0.1:${server.port}`,
    origin: `http://127.0.0.1:${server.port}`,
    'content-type': 'application/json',
    'x-gongkai-token': server.token,
    ...overrides,
  };
}

const callStatus = (headers: Record<string, string>) => send('POST', '/api/call/setup.status', headers, '{}');

beforeAll(async () => {
  t = makeBackend();
  const renderer = tempDir('gongkai-renderer-');
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(t.dataDir, 'secret.txt'), 'not for the browser');
  server = await startServer({ backend: t.backend, rendererDir: renderer });
});
afterAll(async () => {
  await server.close();
  t.close();
});

describe('browser mode', () => {
  it('listens on 127.0.0.1 and answers a well-formed call', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    const reply = await callStatus(apiHeaders());
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { needsSetup: true, unitName: null, defaultLanguage: 'zh-CN' } });
  });

  it.each([
    ['no token', { 'x-gongkai-token': '' }, 401, 'api.bad_token'],
    ['a wrong token', { 'x-gongkai-token': 'x'.repeat(32) }, 401, 'api.bad_token'],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403, 'api.bad_origin'],
    ['a look-alike Origin', { origin: 'http://127.0.0.1.evil.example' }, 403, 'api.bad_origin'],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }, 403, 'api.bad_origin'],
    ['a DNS-rebinding Host', { host: 'evil.example:80' }, 403, 'api.bad_host'],
    ['a form post', { 'content-type': 'text/plain' }, 415, 'api.invalid_input'],
  ])('refuses a call with %s', async (_label, overrides, status, code) => {
    const reply = await callStatus(apiHeaders(overrides));
    expect(reply.status).toBe(status);
    expect(JSON.parse(reply.body).error.code).toBe(code);
  });

  it('sends no CORS headers, even to a preflight', async () => {
    const reply = await send('OPTIONS', '/api/call/setup.status', { ...apiHeaders(), 'access-control-request-method': 'POST' });
    expect(reply.status).toBe(405);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the page with a strict CSP and nothing outside the renderer folder', async () => {
    const page = await send('GET', '/', { host: `localhost:${server.port}` });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      expect((await send('GET', path, { host: `127.0.0.1:${server.port}` })).status).toBe(404);
    }
  });

  it('refuses a body over the size limit and malformed JSON', async () => {
    expect((await send('POST', '/api/call/setup.status', apiHeaders(), '{')).status).toBe(400);
    const big = JSON.stringify({ pad: 'x'.repeat(11 * 1024 * 1024) });
    const reply = await send('POST', '/api/call/setup.status', apiHeaders(), big);
    expect(reply.status).toBe(413);
  });
});

describe('browser mode: token, Origin and Host edge cases', () => {
  it.each([
    ['no token header at all', (h: Record<string, string>) => delete h['x-gongkai-token']],
    ['the token in the query string instead of the header', (h: Record<string, string>) => delete h['x-gongkai-token']],
    ['a prefix of the token', (h: Record<string, string>) => (h['x-gongkai-token'] = server.token.slice(0, -1))],
    ['the token with a different case', (h: Record<string, string>) => (h['x-gongkai-token'] = server.token.toUpperCase() === server.token ? server.token.toLowerCase() : server.token.toUpperCase())],
  ])('refuses %s', async (label, change) => {
    const headers = apiHeaders();
    change(headers);
    const path = label.includes('query') ? `/api/call/setup.status?token=${server.token}` : '/api/call/setup.status';
    const reply = await send('POST', path, headers, '{}');
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body).error.code).toBe('api.bad_token');
  });

  it.each([
    ['the sandboxed-iframe or file:// Origin "null"', 'null'],
    ['https on our own address', () => `https://127.0.0.1:${server.port}`],
    ['our address on another port', () => `http://127.0.0.1:${server.port + 1}`],
    ['localhost as a subdomain', () => `http://localhost.evil.example:${server.port}`],
  ])('refuses the Origin of %s', async (_label, origin) => {
    const reply = await callStatus(apiHeaders({ origin: typeof origin === 'function' ? origin() : origin }));
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body).error.code).toBe('api.bad_origin');
  });

  it.each([
    ['a rebinding name on our port', () => `evil.example:${server.port}`],
    ['our address on another port', () => `127.0.0.1:${server.port + 1}`],
    ['an IPv6 loopback we do not listen on', () => `[::1]:${server.port}`],
    ['localhost as a subdomain', () => `localhost.evil.example:${server.port}`],
  ])('refuses pages and calls with %s', async (_label, host) => {
    const headers = apiHeaders({ host: host() });
    for (const reply of [await callStatus(headers), await send('GET', '/', { host: headers.host! })]) {
      expect(reply.status).toBe(403);
      expect(JSON.parse(reply.body).error.code).toBe('api.bad_host');
    }
  });

  it('refuses a request without a Host (Node answers 400 before our handler)', async () => {
    const headers = apiHeaders();
    delete (headers as Record<string, string | undefined>).host;
    expect((await callStatus(headers)).status).toBe(400);
  });

  it('a valid session is not enough without the token', async () => {
    const session = await t.setup();
    expect((await send('POST', '/api/call/auth.me', apiHeaders({ 'x-gongkai-session': session }), '{}')).status).toBe(200);
    const reply = await send('POST', '/api/call/auth.me', apiHeaders({ 'x-gongkai-session': session, 'x-gongkai-token': 'wrong' }), '{}');
    expect(reply.status).toBe(401);
  });
});

describe('browser mode and the other accounts on the same PC', () => {
  // Any local account can connect to 127.0.0.1, so the token is the whole defence: it must be
  // unguessable, never served, and never written where another account can read it.
  it('uses an unguessable token per launch, and never serves it', async () => {
    const other = await startServer({ backend: t.backend, rendererDir: tempDir('gongkai-renderer-') });
    try {
      expect(other.token).not.toBe(server.token);
      expect(Buffer.from(server.token, 'base64url')).toHaveLength(24);
    } finally {
      await other.close();
    }
    for (const path of ['/', '/index.html', `/?token=${server.token}`]) expect((await send('GET', path, { host: `127.0.0.1:${server.port}` })).body).not.toContain(server.token);
  });

  it('opens the browser on a file only this user can read, so the token is on no command line', () => {
    const dir = join(tempDir('gongkai-launch-'), 'data');
    const file = writeLaunchFile(dir, server.url);
    const argument = pathToFileURL(file).href;
    expect(argument).not.toContain(server.token);
    expect(readFileSync(file, 'utf8')).toContain(`url=${server.url}`);
    if (process.platform !== 'win32') {
      // Windows has no mode bits; a profile folder is its user's alone there by its ACL.
      expect(statSync(file).mode & 0o777).toBe(0o600);
      chmodSync(file, 0o644);
      expect(statSync(writeLaunchFile(dir, server.url)).mode & 0o777).toBe(0o600);
    }
  });

  it.skipIf(process.platform === 'win32')('creates a new data folder readable by this user only', () => {
    const dataDir = join(tempDir('gongkai-perm-'), 'new-data');
    const fresh = makeBackend(dataDir);
    try {
      expect(statSync(dataDir).mode & 0o077).toBe(0);
    } finally {
      fresh.close();
    }
  });
});
