// The web app's locks: beyond loopback every route answers 401 without the token (bearer header or
// the session a login sets), forms need their CSRF token and a same-origin request, no path reaches
// a file it should not, and oversized bodies are refused before they are read.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { UsageError } from '../../src/errors.ts';
import { startServer } from '../../src/serve/serve.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { serveStore, type ServedStore } from './serve-fixture.ts';

const TOKEN = 'correct-horse-battery-staple-42';

/** A request with its path sent exactly as written (fetch would resolve the dots). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The CSRF cookie and token a page gives (a GET of a form). */
async function csrfOf(url: string, path = '/add', headers: Record<string, string> = {}): Promise<{ cookie: string; token: string }> {
  const r = await fetch(`${url}${path}`, { headers });
  const cookie = /triangulate_csrf=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
  const token = /name="_csrf" value="([^"]+)"/.exec(await r.text())?.[1];
  assert.ok(cookie && token, 'the form carries a CSRF token');
  return { cookie, token };
}

describe('a server listening beyond loopback', () => {
  let served: ServedStore;
  before(async () => {
    served = await serveStore({ host: '0.0.0.0', token: TOKEN });
  });
  after(async () => {
    await served.close();
  });

  it('answers 401 on every route without the token, or with a wrong one', async () => {
    const url = served.url.replace('0.0.0.0', '127.0.0.1');
    const gets = ['/', '/?q=drone', '/stories/1', '/stories/1/evidence/claims/x', '/stories/1/articles/1', '/stories/1/check', '/stories/1/dossier.json', '/stories/1/brief.md', '/stories/1/report.html', '/add', '/add/jobs/1', '/add/jobs/1/events', '/static/app.css', '/static/app.js', '/api/stories', '/api/stories/1', '/api/stories/1/check?claim=a+b+c', '/api/openapi.json', '/api/jobs/1', '/no/such/page'];
    for (const path of gets) {
      for (const headers of [{}, { authorization: 'Bearer wrong-token-wrong-token' }, { cookie: 'triangulate_session=forged' }] as Array<Record<string, string>>) {
        const r = await fetch(`${url}${path}`, { headers, redirect: 'manual' });
        const body = await r.text();
        assert.equal(r.status, 401, `${path} ${JSON.stringify(headers)}`);
        assert.doesNotMatch(body, /Trump|cartel/i, path);
      }
    }
    for (const [path, body] of [['/add', 'urls=http://example.com/'], ['/api/add', '{"urls":["http://example.com/"]}']]) {
      const r = await fetch(`${url}${path}`, { method: 'POST', body, headers: { 'content-type': path === '/add' ? 'application/x-www-form-urlencoded' : 'application/json' } });
      assert.equal(r.status, 401, path);
    }
    // the bearer token opens it
    const ok = await fetch(`${url}/api/stories`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(ok.status, 200);
    assert.ok(((await ok.json()) as { total: number }).total >= 1);
  });

  it('signs in through the login form: a CSRF-checked post of the token sets a Secure, HttpOnly, SameSite=Strict session cookie', async () => {
    const url = served.url.replace('0.0.0.0', '127.0.0.1');
    const page = await fetch(`${url}/`);
    assert.equal(page.status, 401);
    assert.match(await page.text(), /<form class="login" method="post" action="\/login">/);
    const { cookie, token } = await csrfOf(url, '/login');
    const post = (fields: Record<string, string>, cookies = `triangulate_csrf=${cookie}`): Promise<Response> =>
      fetch(`${url}/login`, { method: 'POST', redirect: 'manual', body: new URLSearchParams(fields), headers: { cookie: cookies } });
    assert.equal((await post({ token: TOKEN, next: '/' }, '')).status, 403, 'no CSRF cookie');
    assert.equal((await post({ token: TOKEN, _csrf: 'x'.repeat(32) })).status, 403, 'a wrong CSRF token');
    assert.equal((await post({ token: 'not-the-token-at-all', _csrf: token })).status, 401);
    const signed = await post({ token: TOKEN, _csrf: token, next: '//evil.example/' });
    assert.equal(signed.status, 303);
    assert.equal(signed.headers.get('location'), '/', 'never sent to another site');
    const setCookie = signed.headers.get('set-cookie') ?? '';
    const session = /triangulate_session=([^;]+)/.exec(setCookie)?.[1];
    assert.ok(session && !setCookie.includes(TOKEN), 'the cookie does not hold the token');
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /Secure/);
    assert.match(setCookie, /SameSite=Strict/);
    const inside = await fetch(`${url}/`, { headers: { cookie: `triangulate_session=${session}` } });
    assert.equal(inside.status, 200);
    assert.match(await inside.text(), /<h1>Stories<\/h1>/);
  });

  it('takes an API post with the bearer token without a CSRF token: a header is no ambient credential', async () => {
    const url = served.url.replace('0.0.0.0', '127.0.0.1');
    const r = await fetch(`${url}/api/add`, { method: 'POST', body: JSON.stringify({ urls: ['http://127.0.0.1:9/never.html'] }), headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } });
    assert.equal(r.status, 202);
    await served.app.jobs.idle();
  });
});

describe('starting a server', () => {
  it('refuses a token shorter than 16 characters, and makes and prints one beyond loopback when none is given', async () => {
    const store = new SqliteStore(':memory:');
    try {
      await assert.rejects(startServer({ store, host: '0.0.0.0', port: 0, token: 'short', log: null, say: () => undefined }), UsageError);
      const said: string[] = [];
      const running = await startServer({ store, host: '0.0.0.0', port: 0, log: null, say: (line) => said.push(line) });
      try {
        assert.ok(running.token && running.token.length >= 16);
        assert.ok(said.some((line) => line.includes(running.token!)));
        const url = running.url.replace('0.0.0.0', '127.0.0.1');
        assert.equal((await fetch(`${url}/api/stories`)).status, 401);
        assert.equal((await fetch(`${url}/api/stories`, { headers: { authorization: `Bearer ${running.token}` } })).status, 200);
      } finally {
        await running.stop();
      }
      const local = await startServer({ store, host: '127.0.0.1', port: 0, log: null, say: () => undefined });
      assert.equal(local.token, null);
      await local.stop();
    } finally {
      await store.close();
    }
  });
});

describe('a server on loopback', () => {
  let served: ServedStore;
  before(async () => {
    served = await serveStore();
  });
  after(async () => {
    await served.close();
  });

  it('refuses a form post without its CSRF token, with a wrong one, or from another origin', async () => {
    const { cookie, token } = await csrfOf(served.url);
    const post = (body: URLSearchParams, headers: Record<string, string>): Promise<Response> => fetch(`${served.url}/add`, { method: 'POST', redirect: 'manual', body, headers });
    const urls = 'http://127.0.0.1:9/a.html';
    assert.equal((await post(new URLSearchParams({ urls }), {})).status, 403);
    assert.equal((await post(new URLSearchParams({ urls, _csrf: token }), {})).status, 403, 'a field without its cookie');
    assert.equal((await post(new URLSearchParams({ urls, _csrf: `${token}x` }), { cookie: `triangulate_csrf=${cookie}` })).status, 403);
    assert.equal((await post(new URLSearchParams({ urls, _csrf: token }), { cookie: `triangulate_csrf=${cookie}`, origin: 'http://evil.example' })).status, 403);
    assert.equal((await post(new URLSearchParams({ urls, _csrf: token }), { cookie: `triangulate_csrf=${cookie}`, origin: 'null' })).status, 403);
    assert.equal((await post(new URLSearchParams({ urls, _csrf: token }), { cookie: `triangulate_csrf=${cookie}`, origin: `${served.url}.evil.example` })).status, 403);
    // the API takes JSON only (a type no other site's page can send without a preflight) and no foreign origin
    const api = (type: string, headers: Record<string, string> = {}): Promise<Response> => fetch(`${served.url}/api/add`, { method: 'POST', body: JSON.stringify({ urls: [urls] }), headers: { 'content-type': type, ...headers } });
    assert.equal((await api('text/plain')).status, 403);
    assert.equal((await api('application/x-www-form-urlencoded')).status, 403);
    assert.equal((await api('application/json', { origin: 'http://evil.example' })).status, 403);
    assert.equal((await api('application/json')).status, 202);
    const ok = await post(new URLSearchParams({ urls, _csrf: token }), { cookie: `triangulate_csrf=${cookie}`, origin: served.url });
    assert.equal(ok.status, 303);
    assert.match(ok.headers.get('location') ?? '', /^\/add\/jobs\/\d+$/);
    await served.app.jobs.idle();
  });

  it('reaches no file through dots or encoded slashes in a path', async () => {
    for (const path of [
      '/static/../package.json',
      '/static/..%2f..%2fpackage.json',
      '/static/%2e%2e/%2e%2e/package.json',
      '/static/..%5c..%5cpackage.json',
      '/stories/1/..%2f..%2f..%2fpackage.json',
      '/stories/1/dossier.json/../../../../etc/passwd',
      '/stories/..%2f1/report.html',
      '/stories/1%2f..%2f..%2fetc%2fpasswd/brief.md',
      '/static/app.css%00.json',
    ]) {
      const r = await rawGet(served.url, path);
      assert.ok(r.status === 404 || r.status === 400, `${path}: ${r.status}`);
      assert.doesNotMatch(r.body, /"name": "triangulate"|root:x:0:0/, path);
    }
  });

  it('refuses bodies over the limit with 413 before reading them', async () => {
    const { cookie, token } = await csrfOf(served.url);
    const big = Buffer.alloc(26 * 1024 * 1024, 'a');
    const upload = await fetch(`${served.url}/add`, { method: 'POST', body: big, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `triangulate_csrf=${cookie}`, 'x-csrf-token': token } });
    assert.equal(upload.status, 413);
    const form = await fetch(`${served.url}/login`, { method: 'POST', body: Buffer.alloc(2 * 1024 * 1024, 'b'), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `triangulate_csrf=${cookie}`, 'x-csrf-token': token } });
    assert.equal(form.status, 413);
    const json = await fetch(`${served.url}/api/add`, { method: 'POST', body: `{"urls":["${'c'.repeat(2 * 1024 * 1024)}"]}`, headers: { 'content-type': 'application/json', cookie: `triangulate_csrf=${cookie}`, 'x-csrf-token': token } });
    assert.equal(json.status, 413);
  });
});
