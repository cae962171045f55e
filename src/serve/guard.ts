// What every request passes through before a route: a log line, the security headers, the
// token (when the server is reachable beyond this machine), CSRF on anything that changes state,
// and a limit on the body's size.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/** No script but the app's own file, no style but its own, nothing framed, no form posted elsewhere. */
export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export const SESSION_COOKIE = 'triangulate_session';
export const CSRF_COOKIE = 'triangulate_csrf';
export const CSRF_FIELD = '_csrf';

/** Largest request body, in bytes, for forms and the API. Uploads have their own (UPLOAD_LIMIT). */
export const BODY_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 25 * 1024 * 1024;

export type LogLine = (line: Record<string, unknown>) => void;

/** One structured line per request, written when the response is ready. */
export function requestLog(log: LogLine): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log({
      time: new Date().toISOString(),
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('Content-Security-Policy', CSP);
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with a form post,
    // which the CSRF check cannot tell from a foreign one
    c.res.headers.set('Referrer-Policy', 'same-origin');
    c.res.headers.set('X-Frame-Options', 'DENY');
    c.res.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    c.res.headers.set('Cross-Origin-Resource-Policy', 'same-origin');
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  };
}

/** The session cookie's value for a token: a keyed hash, so that the cookie never holds the token itself. */
export function sessionFor(token: string): string {
  return createHmac('sha256', token).update('triangulate session').digest('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token of an `Authorization: Bearer …` header, or null (read without a pattern: the header is the client's). */
function bearerOf(c: Context): string | null {
  const header = (c.req.header('authorization') ?? '').trim();
  return header.slice(0, 7).toLowerCase() === 'bearer ' ? header.slice(7).trim() : null;
}

/** Whether the request carries the token (bearer header) or the session cookie a login set. */
export function isAuthenticated(c: Context, token: string): boolean {
  const bearer = bearerOf(c);
  if (bearer !== null) return same(bearer, token);
  const session = getCookie(c, SESSION_COOKIE);
  return session !== undefined && same(session, sessionFor(token));
}

/**
 * With a token, every route but the login form answers 401 without it (the static files too: the
 * login form is plain without its stylesheet), JSON for the API, the login form for pages.
 */
export function requireToken(token: string | null, loginPage: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    if (!token) return next();
    const path = new URL(c.req.url).pathname;
    if (path === '/login' || isAuthenticated(c, token)) return next();
    if (path.startsWith('/api/')) return c.json({ error: 'unauthorized: send Authorization: Bearer <token>' }, 401);
    return loginPage(c);
  };
}

/** The request's CSRF token: the cookie's value, set on first sight (forms carry it back in CSRF_FIELD). */
export function csrfToken(c: Context): string {
  const known = c.get('csrf' as never) as string | undefined;
  if (known) return known;
  let value = getCookie(c, CSRF_COOKIE);
  if (!value || !/^[A-Za-z0-9_-]{32,}$/.test(value)) {
    value = randomBytes(24).toString('base64url');
    setCookie(c, CSRF_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'Strict', secure: true });
  }
  c.set('csrf' as never, value as never);
  return value;
}

/**
 * Whether an Origin header names this server: the same host and port (the scheme may differ: a
 * TLS proxy in front speaks https to the browser and http to us, passing the Host on). "null"
 * (a sandboxed or privacy-stripped origin) is not this server.
 */
function sameHost(origin: string, requestUrl: string): boolean {
  try {
    return new URL(origin).host === new URL(requestUrl).host;
  } catch {
    return false;
  }
}

/**
 * Double-submit CSRF check on every method that changes state: the form field (or the
 * X-CSRF-Token header) must equal the cookie, and an Origin header, when the browser sends one,
 * must be this server. A request with the bearer token is not a browser's ambient credential and
 * passes on that alone; so does a JSON post to the API (see below).
 */
export function csrfProtection(token: string | null): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    if (token && bearerOf(c) !== null && isAuthenticated(c, token)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && !sameHost(origin, c.req.url)) return c.text('forbidden: cross-origin request', 403);
    // a page elsewhere cannot send a JSON body without a preflight this server never grants: the
    // API's JSON posts need no CSRF token (its routes take no other type)
    const type = (c.req.header('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
    if (new URL(c.req.url).pathname.startsWith('/api/') && type === 'application/json') return next();
    const cookie = getCookie(c, CSRF_COOKIE);
    let sent = c.req.header('x-csrf-token');
    if (sent === undefined) {
      if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
        const form = await c.req.parseBody();
        const field = form[CSRF_FIELD];
        sent = typeof field === 'string' ? field : undefined;
      }
    }
    if (!cookie || !sent || !same(cookie, sent)) return c.text('forbidden: missing or wrong CSRF token (reload the page and try again)', 403);
    return next();
  };
}
