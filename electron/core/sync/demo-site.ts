/**
 * 本地演示网站: the reference site (electron/reference-site) run inside the app on 127.0.0.1, so a
 * new office sees the whole loop — approve, queue, publish, the public page — without a real
 * website. It has its own data folder (`site` in the app's data folder, the one `gongkai site`
 * uses by default) and a random token, and the app is configured to publish to it. While that
 * configuration stands it is started again with the app (on the same port when free, so the links
 * already published keep working) and stopped when the backend closes.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { getSetting, setSetting } from '../db/settings-repo.js';
import { configure, settings, siteToken, siteUrl } from '../services/publishing.js';
import { record } from '../services/audit-trail.js';
import type { ReferenceSite } from '../../reference-site/site.js';

const SETTING = 'publishing.demoSite';

interface Saved {
  port: number;
  url: string;
}

interface Host {
  sqliteBinding: string | undefined;
  site: Promise<ReferenceSite> | null;
}

/** One per open backend (by data folder): the server belongs to the process, not to a call. */
const hosts = new Map<string, Host>();

export function demoSiteDir(dataDir: string): string {
  return join(dataDir, 'site');
}

function saved(ctx: Ctx): Saved | null {
  return getSetting<Saved | null>(ctx.db, SETTING) ?? null;
}

/** The demo site is in use while the app still publishes to the address it was given. */
function inUse(ctx: Ctx): boolean {
  const demo = saved(ctx);
  return demo !== null && siteUrl(ctx) === demo.url && settings(ctx).target === 'publishing_api' && siteToken(ctx) !== null;
}

function host(ctx: Ctx): Host {
  const found = hosts.get(ctx.runtime.dataDir);
  if (!found) throw new Error('the demo site is not available in this process');
  return found;
}

async function listen(ctx: Ctx, h: Host, port: number, token: string): Promise<ReferenceSite> {
  // Loaded here, not with the app: only offices that turned the demo site on need it.
  const { startReferenceSite } = await import('../../reference-site/site.js');
  const options = {
    dataDir: demoSiteDir(ctx.runtime.dataDir),
    token,
    sqliteBinding: h.sqliteBinding,
    onError: (error: unknown) => ctx.log.error('demo site', error),
  };
  try {
    return await startReferenceSite({ ...options, port });
  } catch (error) {
    // The port it had is taken now: any free one will do; the app is pointed at the new address.
    if (port !== 0 && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') return startReferenceSite({ ...options, port: 0 });
    throw error;
  }
}

/** Starts the site (once) and points publishing at it. */
async function start(ctx: Ctx, h: Host): Promise<ReferenceSite> {
  if (!h.site) {
    const token = (inUse(ctx) ? siteToken(ctx) : null) ?? randomBytes(24).toString('base64url');
    h.site = listen(ctx, h, saved(ctx)?.port ?? 0, token).then((site) => {
      if (!inUse(ctx) || saved(ctx)?.url !== site.url) {
        // The token guards a site on loopback with demo content: no keyring needed to keep it.
        configure(ctx, { siteUrl: site.url, token, allowWeakStorage: true });
        setSetting(ctx.db, SETTING, { port: site.port, url: site.url } satisfies Saved);
      }
      return site;
    });
    h.site.catch(() => (h.site = null));
  }
  return h.site;
}

async function stop(h: Host): Promise<void> {
  const running = h.site;
  h.site = null;
  const site = await running?.catch(() => null);
  await site?.close();
}

/**
 * Called when a backend opens: makes the demo site available to its services, and (for the
 * running app) starts it again if publishing still goes to it. Returns what closes it.
 */
export function attachDemoSite(ctx: Ctx, options: { sqliteBinding?: string; resume: boolean }): () => Promise<void> {
  const h: Host = { sqliteBinding: options.sqliteBinding, site: null };
  hosts.set(ctx.runtime.dataDir, h);
  if (options.resume && inUse(ctx)) start(ctx, h).catch((error: unknown) => ctx.log.error('demo site did not start', error));
  return () => {
    if (hosts.get(ctx.runtime.dataDir) === h) hosts.delete(ctx.runtime.dataDir);
    return stop(h);
  };
}

async function describe(ctx: Ctx, h: Host): Promise<CommandOutput<'publishing.demoSite'>> {
  const site = await h.site?.catch(() => null);
  return { inUse: inUse(ctx), running: Boolean(site), url: site?.url ?? saved(ctx)?.url ?? null };
}

export function demoSite(ctx: Ctx): Promise<CommandOutput<'publishing.demoSite'>> {
  return describe(ctx, host(ctx));
}

/** 使用本地演示网站 (or stop using it: the site stops; the publishing settings stay until changed). */
export async function useDemoSite(ctx: Ctx, input: ParsedInput<'publishing.useDemoSite'>): Promise<CommandOutput<'publishing.useDemoSite'>> {
  const h = host(ctx);
  if (input.enabled) {
    await start(ctx, h);
  } else {
    await stop(h);
    ctx.db.transaction(() => {
      setSetting(ctx.db, SETTING, null);
      record(ctx, 'publishing.demoSite', { type: 'settings', id: SETTING }, 'stopped');
    })();
  }
  return describe(ctx, h);
}
