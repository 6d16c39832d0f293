/**
 * Every request to the website goes through here, so the proxy and the extra CA certificate of a
 * government network apply to all of them. Node's global fetch takes neither; undici's own fetch
 * with a dispatcher does (docs/decisions.md).
 */
import { rootCertificates } from 'node:tls';
import type { Dispatcher } from 'undici';

export interface NetworkSettings {
  /** http(s)://[user:password@]host:port, or '' for a direct connection. */
  proxyUrl: string;
  /** Host names (a leading dot or none: the host and its subdomains) that bypass the proxy, comma separated; '*' for all. */
  noProxy: string;
  /** PEM of a CA trusted in addition to the built-in roots, or '' for none. */
  caPem: string;
}

export const DIRECT: NetworkSettings = { proxyUrl: '', noProxy: '', caPem: '' };

/** One answer from the website, or a failure to get one (status null), always as data. */
export interface HttpAnswer {
  /** null: no HTTP answer at all (connection refused or dropped, timeout, certificate refused). */
  status: number | null;
  json: unknown;
  retryAfterSeconds: number | null;
  message: string;
  /** For a failure without an answer: the system's error code (ECONNREFUSED, UNABLE_TO_VERIFY_LEAF_SIGNATURE, …). */
  errorCode: string | null;
}

export interface HttpRequest {
  method: string;
  /** Absolute URL. */
  url: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

const TIMEOUT_MS = 30_000;

/** Whether a host is listed in a no-proxy list (curl's NO_PROXY rules: exact host or domain suffix). */
export function bypassesProxy(hostname: string, noProxy: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return noProxy
    .split(/[,\s]+/)
    .map((entry) => entry.trim().toLowerCase().replace(/^\*?\./, ''))
    .filter(Boolean)
    .some((entry) => entry === '*' || host === entry || host.endsWith(`.${entry}`));
}

/** Sends requests with one network configuration; keeps its connections open between requests. */
export class SiteHttp {
  /** undici is loaded on the first request: the app starts without it. */
  private connections: Promise<{ fetch: typeof import('undici').fetch; direct: Dispatcher; proxied: Dispatcher | null }> | null = null;

  constructor(private readonly network: NetworkSettings) {}

  private connect() {
    return (this.connections ??= import('undici').then(({ Agent, ProxyAgent, fetch }) => {
      // A `ca` option replaces Node's roots, so the extra CA is added to them, not used alone.
      const tls = this.network.caPem ? { ca: [...rootCertificates, this.network.caPem] } : {};
      const proxyUrl = this.network.proxyUrl;
      return { fetch, direct: new Agent({ connect: tls }), proxied: proxyUrl ? new ProxyAgent({ uri: proxyUrl, requestTls: tls, proxyTls: tls }) : null };
    }));
  }

  async send(request: HttpRequest): Promise<HttpAnswer> {
    try {
      const { fetch, direct, proxied } = await this.connect();
      const viaProxy = proxied && !bypassesProxy(new URL(request.url).hostname, this.network.noProxy);
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers ?? {},
        ...(request.body === undefined ? {} : { body: typeof request.body === 'string' ? request.body : new Uint8Array(request.body) }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
        dispatcher: viaProxy ? proxied : direct,
      });
      const text = await response.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      const retryAfter = Number(response.headers.get('retry-after'));
      const message = (json as { message?: unknown } | null)?.message;
      return {
        status: response.status,
        json,
        retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
        message: typeof message === 'string' ? message : `HTTP ${response.status}`,
        errorCode: null,
      };
    } catch (error) {
      // fetch reports "fetch failed"; the reason (refused, reset, certificate) is in its cause.
      const cause = (error as Error & { cause?: Error & { code?: string } }).cause;
      const errorCode = cause?.code ?? (error as Error & { code?: string }).code ?? (error as Error).name;
      const detail = cause?.message ?? (error as Error).message;
      return { status: null, json: null, retryAfterSeconds: null, message: `${errorCode}: ${detail}`, errorCode };
    }
  }

  async close(): Promise<void> {
    if (!this.connections) return;
    const { direct, proxied } = await this.connections;
    await Promise.all([direct.close(), proxied?.close()]);
  }
}

let shared: { key: string; http: SiteHttp } | null = null;

/**
 * The sender for these settings, reused while they stay the same so connections are kept open
 * from one worker round to the next; the previous one closes once its requests are done.
 */
export function siteHttpFor(network: NetworkSettings): SiteHttp {
  const key = JSON.stringify([network.proxyUrl, network.noProxy, network.caPem]);
  if (shared?.key !== key) {
    void shared?.http.close();
    shared = { key, http: new SiteHttp(network) };
  }
  return shared.http;
}

/** System error codes that mean the server's certificate was not trusted. */
export function isCertificateError(code: string | null): boolean {
  return (
    code !== null &&
    /^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_[A-Z_]+|ERR_TLS_CERT_ALTNAME_INVALID)$/.test(code)
  );
}
