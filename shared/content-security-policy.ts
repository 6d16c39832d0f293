/**
 * The renderer's Content-Security-Policy, sent by both the app:// protocol handler and the
 * browser-mode server. Mantine sets inline style attributes, hence 'unsafe-inline' for styles
 * only; scripts come from our own origin and nowhere else.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
