/**
 * The website's address and the proxy's: credentials and content cross the network, so only
 * https, or plain http to this computer (the local demo site, a test server).
 */
export type AddressProblem = 'publishing.url_invalid' | 'publishing.url_insecure';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

export function siteAddressProblem(value: string): AddressProblem | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'publishing.url_invalid';
  }
  if (url.username || url.password || url.search || url.hash) return 'publishing.url_invalid';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') return isLoopbackHost(url.hostname) ? null : 'publishing.url_insecure';
  return 'publishing.url_invalid';
}

/** A proxy is reached with http:// (requests to https sites are tunnelled with CONNECT) or https://. */
export function proxyAddressProblem(value: string): 'publishing.proxy_invalid' | null {
  if (!value.trim()) return null;
  try {
    const url = new URL(value.trim());
    return ['http:', 'https:'].includes(url.protocol) && url.hostname && (url.pathname === '/' || url.pathname === '') && !url.search ? null : 'publishing.proxy_invalid';
  } catch {
    return 'publishing.proxy_invalid';
  }
}
