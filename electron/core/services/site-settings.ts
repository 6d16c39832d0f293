/**
 * Where approved items go and how they get there: the target (the publishing API or WordPress),
 * its credential, and the network path (proxy, extra CA certificate). The credential is never in
 * the database: in the desktop app it is encrypted with safeStorage; in browser mode and the CLI
 * it is a file only this OS user can read (docs/security.md).
 */
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ctx } from '../context.js';
import type { CommandInput, CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { proxyAddressProblem, siteAddressProblem } from '../../../shared/domain/site-address.js';
import { getSetting, setSetting } from '../db/settings-repo.js';
import { DIRECT, isCertificateError, type NetworkSettings } from '../sync/http.js';
import { httpSiteClient, type SiteClient } from '../sync/site-client.js';
import { wordpressSiteClient } from '../sync/wordpress-client.js';
import { record } from './audit-trail.js';

const SITE_KEY = 'publishing.site';
const TARGET_KEY = 'publishing.target';
const NETWORK_KEY = 'publishing.network';
const SECRET_DIR = 'secrets';
/** Browser mode and the CLI: the credential as text, mode 0600 in a 0700 folder. */
const PLAIN_FILE = 'site-token';
/** The desktop app: safeStorage's encrypted bytes. */
const SEALED_FILE = 'site-token.enc';

type TargetKind = 'publishing_api' | 'wordpress';
interface Target {
  kind: TargetKind;
  /** The WordPress user the application password belongs to. */
  username: string;
}

export function siteUrl(ctx: Ctx): string | null {
  return getSetting<string>(ctx.db, SITE_KEY) ?? null;
}

function target(ctx: Ctx): Target {
  return getSetting<Target>(ctx.db, TARGET_KEY) ?? { kind: 'publishing_api', username: '' };
}

function networkSettings(ctx: Ctx): NetworkSettings {
  return getSetting<NetworkSettings>(ctx.db, NETWORK_KEY) ?? DIRECT;
}

/**
 * How a credential saved now would be kept: 'keyring' (safeStorage with an OS keyring), 'weak'
 * (the desktop app where safeStorage has only its basic_text fallback or no encryption at all:
 * needs the user's explicit consent), 'file' (browser mode and the CLI: a file only this user reads).
 */
function credentialStorage(ctx: Ctx): 'keyring' | 'weak' | 'file' {
  const secrets = ctx.platform?.secrets;
  if (!secrets) return 'file';
  return secrets.protection() === 'keyring' ? 'keyring' : 'weak';
}

const secretPath = (ctx: Ctx, name: string) => join(ctx.runtime.dataDir, SECRET_DIR, name);

/** The website token or WordPress application password; null when none is stored or it cannot be read here. */
export function siteToken(ctx: Ctx): string | null {
  const sealed = secretPath(ctx, SEALED_FILE);
  if (existsSync(sealed)) {
    // Encrypted by the desktop app: only it can read it (browser mode and the CLI cannot).
    if (!ctx.platform?.secrets) return null;
    try {
      return ctx.platform.secrets.decrypt(readFileSync(sealed));
    } catch (error) {
      ctx.log.error('the stored website credential cannot be decrypted', error);
      return null;
    }
  }
  const plain = secretPath(ctx, PLAIN_FILE);
  return existsSync(plain) ? readFileSync(plain, 'utf8').trim() : null;
}

/** Whether a credential is stored that this process can read, without decrypting it (the status bar asks often). */
function credentialSet(ctx: Ctx): boolean {
  if (existsSync(secretPath(ctx, SEALED_FILE))) return Boolean(ctx.platform?.secrets);
  return existsSync(secretPath(ctx, PLAIN_FILE));
}

export function isConfigured(ctx: Ctx): boolean {
  return siteUrl(ctx) !== null && credentialSet(ctx);
}

function storeCredential(ctx: Ctx, credential: string): void {
  const dir = join(ctx.runtime.dataDir, SECRET_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const secrets = ctx.platform?.secrets;
  const seal = secrets && secrets.protection() !== 'unavailable';
  const [file, other] = seal ? [SEALED_FILE, PLAIN_FILE] : [PLAIN_FILE, SEALED_FILE];
  writeFileSync(secretPath(ctx, file), seal ? secrets.encrypt(credential) : credential, { mode: 0o600 });
  chmodSync(secretPath(ctx, file), 0o600);
  rmSync(secretPath(ctx, other), { force: true });
}

export function settings(ctx: Ctx): CommandOutput<'publishing.settings'> {
  const t = target(ctx);
  return { siteUrl: siteUrl(ctx), tokenSet: credentialSet(ctx), target: t.kind, username: t.username, storage: credentialStorage(ctx) };
}

/** Accepts the command's input before defaults too, for callers inside the backend (the demo site). */
export function configure(ctx: Ctx, input: CommandInput<'publishing.configure'>): CommandOutput<'publishing.configure'> {
  const url = input.siteUrl.trim();
  const kind = input.target ?? 'publishing_api';
  const username = kind === 'wordpress' ? (input.username ?? '').trim() : '';
  const problem = siteAddressProblem(url);
  if (problem) throw new AppError(problem);
  if (kind === 'wordpress' && !username) throw new AppError('publishing.username_required');
  if (credentialStorage(ctx) === 'weak' && !input.allowWeakStorage) throw new AppError('publishing.weak_storage_unconfirmed');
  storeCredential(ctx, input.token);
  ctx.db.transaction(() => {
    setSetting(ctx.db, SITE_KEY, url);
    setSetting(ctx.db, TARGET_KEY, { kind, username } satisfies Target);
    record(ctx, 'publishing.configure', { type: 'settings', id: SITE_KEY }, `${kind} ${url}${username ? ` (${username})` : ''}; credential: ${credentialStorage(ctx)}`);
  })();
  return settings(ctx);
}

/** The client for the configured target, or null while the address or the credential is missing. */
export function configuredClient(ctx: Ctx): SiteClient | null {
  const url = siteUrl(ctx);
  const credential = siteToken(ctx);
  if (!url || !credential) return null;
  const t = target(ctx);
  const network = networkSettings(ctx);
  return t.kind === 'wordpress' ? wordpressSiteClient({ siteUrl: url, username: t.username, applicationPassword: credential }, network) : httpSiteClient(url, credential, network);
}

type CertificateInfo = CommandOutput<'publishing.network'>['certificates'][number];

/** Every certificate in a PEM text, refused with a translated reason if one is unreadable. */
function readCertificates(pem: string): CertificateInfo[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (!blocks.length) throw new AppError('publishing.ca_invalid');
  return blocks.map((block) => {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(block);
    } catch {
      throw new AppError('publishing.ca_invalid');
    }
    return {
      subject: cert.subject.split('\n').join(', '),
      issuer: cert.issuer.split('\n').join(', '),
      validFrom: new Date(cert.validFrom).toISOString(),
      validTo: new Date(cert.validTo).toISOString(),
      fingerprint256: cert.fingerprint256,
    };
  });
}

/** A certificate that is not valid now would make every connection fail: refused before saving. */
function requireValidNow(certificates: CertificateInfo[], now: Date): void {
  for (const c of certificates) {
    if (Date.parse(c.validTo) < now.getTime()) throw new AppError('publishing.ca_expired', { subject: c.subject, validTo: c.validTo.slice(0, 10) });
    if (Date.parse(c.validFrom) > now.getTime()) throw new AppError('publishing.ca_not_yet_valid', { subject: c.subject, validFrom: c.validFrom.slice(0, 10) });
  }
}

/** The proxy without its password, for showing. */
function shownProxy(proxyUrl: string): string {
  if (!proxyUrl) return '';
  const url = new URL(proxyUrl);
  if (url.password) url.password = '***';
  return url.toString().replace(/\/$/, '');
}

export function network(ctx: Ctx): CommandOutput<'publishing.network'> {
  const n = networkSettings(ctx);
  return {
    proxyUrl: shownProxy(n.proxyUrl),
    noProxy: n.noProxy,
    // Saved certificates are shown as they are, even once expired, so the admin sees why.
    certificates: n.caPem ? readCertificates(n.caPem) : [],
  };
}

export function setNetwork(ctx: Ctx, input: ParsedInput<'publishing.setNetwork'>): CommandOutput<'publishing.setNetwork'> {
  const saved = networkSettings(ctx);
  // The form shows the proxy with its password masked; sending that back keeps the saved password.
  const proxyUrl = input.proxyUrl.trim() === shownProxy(saved.proxyUrl) ? saved.proxyUrl : input.proxyUrl.trim();
  if (proxyAddressProblem(proxyUrl)) throw new AppError('publishing.proxy_invalid');
  const caPem = input.removeCa ? '' : (input.caPem?.trim() ?? saved.caPem);
  const certificates = caPem ? readCertificates(caPem) : [];
  if (input.caPem !== null) requireValidNow(certificates, ctx.clock.now());
  const next: NetworkSettings = { proxyUrl, noProxy: input.noProxy.trim(), caPem };
  ctx.db.transaction(() => {
    setSetting(ctx.db, NETWORK_KEY, next);
    record(
      ctx,
      'publishing.network',
      { type: 'settings', id: NETWORK_KEY },
      `proxy: ${shownProxy(proxyUrl) || '-'}; no proxy: ${next.noProxy || '-'}; CA: ${certificates.map((c) => `${c.subject} ${c.fingerprint256.slice(0, 23)}`).join('; ') || '-'}`.slice(0, 500),
    );
  })();
  return network(ctx);
}

/** Asks the site for its columns (WordPress: checks the user, lists the categories) with the saved settings. */
export async function testConnection(ctx: Ctx): Promise<CommandOutput<'publishing.testConnection'>> {
  const client = configuredClient(ctx);
  if (!client) throw new AppError('publishing.not_configured');
  const { response, columns } = await client.listColumns();
  if (response.status === 200) return { columns };
  const detail = response.message.slice(0, 300);
  if (response.status === null) throw new AppError(isCertificateError(response.errorCode ?? null) ? 'publishing.connection_certificate' : 'publishing.connection_failed', { detail });
  if (response.status === 401 || response.status === 403) throw new AppError('publishing.connection_rejected', { status: response.status, detail });
  throw new AppError('publishing.connection_error', { status: response.status, detail });
}
