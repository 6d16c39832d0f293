import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/core/server.js';
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
