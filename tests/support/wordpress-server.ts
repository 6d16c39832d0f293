/**
 * A WordPress-compatible REST server on 127.0.0.1 for tests: the parts of wp/v2 the WordPress
 * target uses, answering as WordPress does (status codes, `{ code, message, data: { status } }`
 * errors, Application Passwords over HTTP Basic auth, ?slug= lookups, raw media uploads named by
 * Content-Disposition, plain permalinks ?p=ID and ?name=slug). Optionally over HTTPS, with fault
 * injection (an error status, or "commit then drop the connection").
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export interface WpUser {
  id: number;
  username: string;
  /** As WordPress shows it: groups of four separated by spaces (spaces are ignored when checking). */
  applicationPassword: string;
  role: 'editor' | 'subscriber';
}

export interface WpCategory {
  id: number;
  name: string;
  slug: string;
  parent: number;
}

export interface WpPostRecord {
  id: number;
  slug: string;
  status: string;
  title: string;
  content: string;
  categories: number[];
  date_gmt: string;
  modified_gmt: string;
}

export interface WpMediaRecord {
  id: number;
  slug: string;
  title: string;
  fileName: string;
  mime: string;
  data: Buffer;
}

export interface WordPressServer {
  url: string;
  posts: WpPostRecord[];
  media: WpMediaRecord[];
  /** Every request as "METHOD /path?query", in order. */
  requests: string[];
  /** The next `count` writes (POST) to paths starting with `pathPrefix` are committed, then the connection is dropped without an answer. */
  dropAfterCommit(count: number, pathPrefix?: string): void;
  /** The next `count` requests answer `status` with a WordPress-style error and change nothing. */
  failNext(count: number, status: number): void;
  close(): Promise<void>;
}

export interface WordPressOptions {
  users: WpUser[];
  categories: WpCategory[];
  /** Serve HTTPS with this key and certificate. */
  tls?: { key: string; cert: string };
}

const STATUSES = ['publish', 'future', 'draft', 'pending', 'private', 'trash'];

class WpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly params?: Record<string, string>,
  ) {
    super(message);
  }
}

function sanitizeSlug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

const stamp = () => new Date().toISOString().slice(0, 19);

export async function startWordPress(options: WordPressOptions): Promise<WordPressServer> {
  const posts: WpPostRecord[] = [];
  const media: WpMediaRecord[] = [];
  const requests: string[] = [];
  let nextId = 100;
  let drops = { count: 0, pathPrefix: '' };
  let failures: { count: number; status: number } = { count: 0, status: 0 };
  let base = '';

  const postJson = (p: WpPostRecord, edit: boolean) => ({
    id: p.id,
    date_gmt: p.date_gmt,
    modified_gmt: p.modified_gmt,
    slug: p.slug,
    status: p.status,
    type: 'post',
    link: `${base}/?p=${p.id}`,
    title: edit ? { raw: p.title, rendered: p.title } : { rendered: p.title },
    content: edit ? { raw: p.content, rendered: p.content, protected: false } : { rendered: p.content, protected: false },
    categories: p.categories,
  });
  const mediaJson = (m: WpMediaRecord) => ({
    id: m.id,
    slug: m.slug,
    status: 'inherit',
    type: 'attachment',
    title: { rendered: m.title },
    mime_type: m.mime,
    link: `${base}/?attachment_id=${m.id}`,
    source_url: `${base}/wp-content/uploads/2026/03/${m.fileName}`,
  });

  function authenticate(req: IncomingMessage): WpUser | null {
    const header = req.headers.authorization;
    if (!header?.startsWith('Basic ')) return null;
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = options.users.find((u) => u.username === decoded.slice(0, colon));
    if (!user) throw new WpError(401, 'invalid_username', 'Unknown username. Check again or try your email address.');
    if (user.applicationPassword.replace(/[^a-z\d]/gi, '') !== decoded.slice(colon + 1).replace(/[^a-z\d]/gi, ''))
      throw new WpError(401, 'incorrect_password', 'The provided password is an invalid application password.');
    return user;
  }

  const mustEdit = (user: WpUser | null, code: string, message: string) => {
    if (!user) throw new WpError(401, code, message);
    if (user.role !== 'editor') throw new WpError(403, code, message);
  };

  function readPostFields(body: Record<string, unknown>): Partial<WpPostRecord> {
    const fields: Partial<WpPostRecord> = {};
    if (body.status !== undefined) {
      if (typeof body.status !== 'string' || !STATUSES.includes(body.status)) throw new WpError(400, 'rest_invalid_param', 'Invalid parameter(s): status', { status: 'status is not one of publish, future, draft, pending, private.' });
      fields.status = body.status;
    }
    if (body.categories !== undefined) {
      if (!Array.isArray(body.categories) || body.categories.some((c) => !Number.isInteger(c))) throw new WpError(400, 'rest_invalid_param', 'Invalid parameter(s): categories', { categories: 'categories[0] is not of type integer.' });
      // WordPress silently drops ids that are not categories.
      fields.categories = (body.categories as number[]).filter((id) => options.categories.some((c) => c.id === id));
    }
    if (typeof body.title === 'string') fields.title = body.title;
    if (typeof body.content === 'string') fields.content = body.content;
    if (typeof body.slug === 'string') fields.slug = sanitizeSlug(body.slug);
    return fields;
  }

  /** wp_unique_post_slug: a published post whose slug is taken gets -2, -3, … */
  function uniqueSlug(slug: string, id: number): string {
    let candidate = slug;
    for (let n = 2; posts.some((p) => p.id !== id && p.slug === candidate) || media.some((m) => m.slug === candidate); n++) candidate = `${slug}-${n}`;
    return candidate;
  }

  async function route(req: IncomingMessage, body: Buffer): Promise<{ status: number; json: unknown } | { redirect: string } | { file: WpMediaRecord }> {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '' && url.searchParams.has('name')) {
      const post = posts.find((p) => p.slug === url.searchParams.get('name') && p.status === 'publish');
      return post ? { redirect: `${base}/?p=${post.id}` } : { status: 404, json: null };
    }
    if (path === '' && url.searchParams.has('p')) {
      const post = posts.find((p) => p.id === Number(url.searchParams.get('p')) && p.status === 'publish');
      return post ? { status: 200, json: postJson(post, false) } : { status: 404, json: null };
    }
    const upload = /^\/wp-content\/uploads\/\d{4}\/\d{2}\/(.+)$/.exec(path);
    if (upload) {
      const file = media.find((m) => m.fileName === upload[1]);
      return file ? { file } : { status: 404, json: null };
    }
    const api = /^\/wp-json\/wp\/v2(\/.*)$/.exec(path)?.[1];
    if (!api) return { status: 404, json: { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } } };

    const user = authenticate(req);
    const edit = url.searchParams.get('context') === 'edit';
    if (req.method === 'GET' && api === '/users/me') {
      if (!user) throw new WpError(401, 'rest_not_logged_in', 'You are not currently logged in.');
      return { status: 200, json: { id: user.id, name: user.username, slug: user.username, roles: [user.role] } };
    }
    if (req.method === 'GET' && api === '/categories') {
      const slugs = url.searchParams.get('slug')?.split(',');
      const perPage = Number(url.searchParams.get('per_page') ?? 10);
      if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) throw new WpError(400, 'rest_invalid_param', 'Invalid parameter(s): per_page', { per_page: 'per_page must be between 1 (inclusive) and 100 (inclusive)' });
      const page = Number(url.searchParams.get('page') ?? 1);
      const found = options.categories.filter((c) => !slugs || slugs.includes(c.slug));
      return { status: 200, json: found.slice((page - 1) * perPage, page * perPage).map((c) => ({ ...c, taxonomy: 'category' })) };
    }
    const category = /^\/categories\/(\d+)$/.exec(api);
    if (req.method === 'GET' && category) {
      const found = options.categories.find((c) => c.id === Number(category[1]));
      if (!found) throw new WpError(404, 'rest_term_invalid', 'Term does not exist.');
      return { status: 200, json: { ...found, taxonomy: 'category' } };
    }
    if (req.method === 'GET' && api === '/posts') {
      const statuses = (url.searchParams.get('status') ?? 'publish').split(',');
      if (statuses.some((s) => !STATUSES.includes(s))) throw new WpError(400, 'rest_invalid_param', 'Invalid parameter(s): status', { status: 'status is not one of publish, future, draft, pending, private, trash.' });
      if (edit || statuses.some((s) => s !== 'publish')) mustEdit(user, edit ? 'rest_forbidden_context' : 'rest_forbidden_status', edit ? 'Sorry, you are not allowed to edit posts in this post type.' : 'Status is forbidden.');
      const slugs = url.searchParams.get('slug')?.split(',');
      return { status: 200, json: posts.filter((p) => statuses.includes(p.status) && (!slugs || slugs.includes(p.slug))).map((p) => postJson(p, edit)) };
    }
    const postPath = /^\/posts\/(\d+)$/.exec(api);
    if (req.method === 'GET' && postPath) {
      const post = posts.find((p) => p.id === Number(postPath[1]));
      if (!post) throw new WpError(404, 'rest_post_invalid_id', 'Invalid post ID.');
      if (edit || post.status !== 'publish') mustEdit(user, 'rest_forbidden_context', 'Sorry, you are not allowed to edit posts in this post type.');
      return { status: 200, json: postJson(post, edit) };
    }
    if (req.method === 'POST' && api === '/posts') {
      mustEdit(user, 'rest_cannot_create', 'Sorry, you are not allowed to create posts as this user.');
      const fields = readPostFields(parseJson(body));
      const id = nextId++;
      const post: WpPostRecord = { id, slug: '', status: 'draft', title: '', content: '', categories: [1], date_gmt: stamp(), modified_gmt: stamp(), ...fields };
      if (!fields.categories?.length) post.categories = [1];
      post.slug = uniqueSlug(post.slug || sanitizeSlug(post.title) || String(id), id);
      posts.push(post);
      return { status: 201, json: postJson(post, true) };
    }
    if (req.method === 'POST' && postPath) {
      const post = posts.find((p) => p.id === Number(postPath[1]));
      if (!post) throw new WpError(404, 'rest_post_invalid_id', 'Invalid post ID.');
      mustEdit(user, 'rest_cannot_edit', 'Sorry, you are not allowed to edit this post.');
      Object.assign(post, readPostFields(parseJson(body)), { modified_gmt: stamp() });
      if (post.slug) post.slug = uniqueSlug(post.slug, post.id);
      return { status: 200, json: postJson(post, true) };
    }
    if (req.method === 'GET' && api === '/media') {
      const slugs = url.searchParams.get('slug')?.split(',');
      return { status: 200, json: media.filter((m) => !slugs || slugs.includes(m.slug)).map(mediaJson) };
    }
    if (req.method === 'POST' && api === '/media') {
      mustEdit(user, 'rest_cannot_create', 'Sorry, you are not allowed to upload media on this site.');
      if (!body.length) throw new WpError(400, 'rest_upload_no_data', 'No data supplied.');
      const disposition = req.headers['content-disposition'];
      if (!disposition) throw new WpError(400, 'rest_upload_no_content_disposition', 'No Content-Disposition supplied.');
      const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1];
      if (!fileName)
        throw new WpError(400, 'rest_upload_invalid_disposition', 'Invalid Content-Disposition supplied. Content-Disposition needs to be formatted as `attachment; filename="image.png"` or similar.');
      const id = nextId++;
      const slug = uniqueSlug(sanitizeSlug(url.searchParams.get('slug') ?? fileName), id);
      const record: WpMediaRecord = { id, slug, title: url.searchParams.get('title') ?? fileName, fileName: `${id}-${fileName}`, mime: req.headers['content-type'] ?? 'application/octet-stream', data: body };
      media.push(record);
      return { status: 201, json: mediaJson(record) };
    }
    return { status: 404, json: { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } } };
  }

  function parseJson(body: Buffer): Record<string, unknown> {
    try {
      const value = JSON.parse(body.toString('utf8') || '{}') as unknown;
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // answered below as WordPress does
    }
    throw new WpError(400, 'rest_invalid_json', 'Invalid JSON body passed.');
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url}`);
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
        res.end(JSON.stringify(json));
      };
      if (failures.count > 0) {
        failures.count--;
        return send(failures.status, { code: 'internal_server_error', message: 'There has been a critical error on this website.', data: { status: failures.status } });
      }
      route(req, Buffer.concat(chunks))
        .then((answer) => {
          if (req.method === 'POST' && drops.count > 0 && req.url?.startsWith(drops.pathPrefix)) {
            drops.count--;
            return req.socket.destroy();
          }
          if ('redirect' in answer) {
            res.writeHead(301, { location: answer.redirect });
            return res.end();
          }
          if ('file' in answer) {
            res.writeHead(200, { 'content-type': answer.file.mime });
            return res.end(answer.file.data);
          }
          send(answer.status, answer.json);
        })
        .catch((error: unknown) => {
          if (error instanceof WpError) return send(error.status, { code: error.code, message: error.message, data: { status: error.status, ...(error.params ? { params: error.params } : {}) } });
          send(500, { code: 'internal_server_error', message: String(error), data: { status: 500 } });
        });
    });
  };

  const server: Server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handler) : createHttpServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    posts,
    media,
    requests,
    dropAfterCommit: (count, pathPrefix = '') => {
      drops = { count, pathPrefix };
    },
    failNext: (count, status) => {
      failures = { count, status };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
