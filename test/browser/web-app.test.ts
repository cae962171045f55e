// The web app in a real browser: Debian's Chromium driven by playwright-core, against a real
// server over a store made from the bundled example story and hand-written fixtures. One browser
// for the file; every page it opens is confined to 127.0.0.1 (anything else is aborted and
// counted). Without /usr/bin/chromium the tests are skipped, except in CI, which installs it.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { CheckResult } from '../../src/check/check-claim.ts';
import type { Dossier } from '../../src/model.ts';
import { EXAMPLE_DIR, ROOT } from '../helpers.ts';
import { serveStore, type ServedStore } from '../serve/serve-fixture.ts';
import { headlineOf, outletLabel } from '../../src/serve/pages/labels.ts';

/** Debian's package; another path may be given (a test of the skip itself, another system). */
const CHROMIUM = process.env.TRIANGULATE_CHROMIUM || '/usr/bin/chromium';
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const HOSTILE = ['harbour-gazette.html', 'marrow-courier.html', 'coastline-post.txt'].map((f) => join(FIXTURES, f));
const SCREENSHOTS = join(ROOT, '.scratch', 'screenshots');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TOKEN = 'browser-test-token-0123456789';

const missing = !existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';
if (missing && !inCi) console.log(`# skipping the browser tests: ${CHROMIUM} is missing (apt-get install chromium; CI installs it)`);
if (missing && inCi) {
  test('Chromium is installed (CI installs it for these tests)', () => assert.fail(`${CHROMIUM} is missing: CI must install Debian's chromium for the browser tests`));
}

interface StoryListed {
  id: number;
  headline: string;
  articles: number;
  outlets: string[];
}

describe('the web app in Chromium', { skip: missing ? `${CHROMIUM} is missing` : false, timeout: 240_000 }, () => {
  let browser: Browser;
  let app: ServedStore;
  /** Requests a page made to anywhere but 127.0.0.1 (aborted). */
  const escaped: string[] = [];

  before(async () => {
    [browser, app] = await Promise.all([
      chromium.launch({
        executablePath: CHROMIUM,
        // every host name resolves to nothing but 127.0.0.1: the browser has no way off this machine
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
      }),
      serveStore({ inputs: [EXAMPLE_DIR, ...HOSTILE], allowAddresses: ['127.0.0.1'] }),
    ]);
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
    const context = await browser.newContext(options);
    context.setDefaultTimeout(60_000);
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      escaped.push(url.href);
      return route.abort();
    });
    return context;
  }

  async function api<T>(path: string): Promise<T> {
    const response = await fetch(`${app.url}${path}`);
    assert.equal(response.status, 200, `${path}: ${response.status}`);
    return (await response.json()) as T;
  }

  async function stories(): Promise<StoryListed[]> {
    return (await api<{ stories: StoryListed[] }>('/api/stories')).stories;
  }

  /** The example story: the one story of the bundled example with several articles. */
  async function exampleStory(): Promise<StoryListed> {
    const found = (await stories()).filter((s) => s.articles > 1 && s.outlets.includes('The Crustian Daily'));
    assert.equal(found.length, 1, 'one story holds the example articles');
    return found[0]!;
  }

  async function hostileStory(): Promise<StoryListed> {
    const found = (await stories()).filter((s) => s.outlets.includes('Marrow Bay Courier'));
    assert.equal(found.length, 1, 'the hostile fixtures make one story');
    assert.equal(found[0]!.articles, 3);
    return found[0]!;
  }

  test('list → story → "Show evidence": each article holding evidence has the claim\'s exact text marked', async () => {
    const story = await exampleStory();
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    await page.getByRole('link', { name: headlineOf(story), exact: true }).click();
    await page.waitForURL(`${app.url}/stories/${story.id}`);
    assert.equal(await page.locator('h1').textContent(), headlineOf(story));

    const show = page.locator('#established a.evidence', { hasText: 'Show evidence' }).first();
    const href = await show.getAttribute('href');
    assert.match(href ?? '', new RegExp(`^/stories/${story.id}/evidence/claims/[^/]+$`));
    await show.click();
    await page.waitForURL(`${app.url}${href}`);

    const dossier = await api<Dossier>(`/api/stories/${story.id}`);
    const group = dossier.claimGroups.find((g) => g.id === href!.split('/').pop());
    assert.ok(group, 'the link names a claim group of the dossier');
    const claims = new Map(dossier.claims.map((c) => [c.id, c]));
    const articles = new Map(dossier.articles.map((a) => [a.id, a]));
    // what the finding rests on: its claims, and both sides of each of its contradictions
    const expected = new Map<string, Set<string>>();
    const ids = [...group.claimIds, ...[...group.contradictions, ...group.possibleContradictions].flatMap((x) => [x.claimId, x.withClaimId])];
    for (const id of ids) {
      const claim = claims.get(id)!;
      const text = articles.get(claim.articleId)!.text.slice(claim.start, claim.end);
      assert.equal(text, claim.text, 'the dossier\'s offsets hold the claim\'s text');
      (expected.get(claim.articleId) ?? expected.set(claim.articleId, new Set()).get(claim.articleId)!).add(text);
    }
    assert.ok(expected.size >= 2, 'an established fact is in at least two articles');

    const readers = await page.locator('article.reader').evaluateAll((els) => els.map((e) => e.id));
    assert.deepEqual(readers.sort(), [...expected.keys()].map((id) => `ev-${id}`).sort(), 'a reader for each article holding evidence, and no other');
    for (const [articleId, texts] of expected) {
      const marks = await page.locator(`[id="ev-${articleId}"] mark`).evaluateAll((els) => els.map((e) => e.textContent));
      for (const text of texts) assert.ok(marks.includes(text), `article ${articleId}: a <mark> holding exactly ${JSON.stringify(text)}; marks: ${JSON.stringify(marks)}`);
    }
    assert.equal(await page.locator('p.count').textContent(), `Evidence in ${expected.size} of ${dossier.articles.length} articles.`);
    await context.close();
  });

  test('check form: a typed claim gets one verdict per article, with its stance', async () => {
    const story = await exampleStory();
    const claim = 'The United States is considering drone strikes against drug cartels in Mexico.';
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/stories/${story.id}`);
    await page.getByRole('link', { name: 'Check a claim against this story' }).click();
    await page.waitForURL(`${app.url}/stories/${story.id}/check`);
    await page.getByLabel('The claim, as a sentence').fill(claim);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.waitForURL((url) => url.pathname === `/stories/${story.id}/check` && url.searchParams.get('claim') === claim);

    const expected = await api<CheckResult>(`/api/stories/${story.id}/check?claim=${encodeURIComponent(claim)}`);
    assert.equal(expected.articles.length, story.articles);
    const shown = await page.locator('ul.verdicts > li.verdict').evaluateAll((els) =>
      els.map((li) => ({ stance: li.querySelector(':scope > .tag')?.textContent, outlet: li.querySelector(':scope > .outlet')?.textContent })),
    );
    assert.deepEqual(
      shown,
      expected.articles.map((a) => ({ stance: a.stance, outlet: a.outlet ?? a.title ?? outletLabel(a.source) })),
    );
    for (const v of shown) assert.ok(['agree', 'disagree', 'discuss', 'unrelated'].includes(v.stance ?? ''), `a stance: ${v.stance}`);
    const c = expected.counts;
    assert.equal(await page.getByRole('status').textContent(), `agree ${c.agree}, disagree ${c.disagree}, discuss ${c.discuss}, unrelated ${c.unrelated}`);
    assert.equal(await page.getByLabel('The claim, as a sentence').inputValue(), claim, 'the claim stays in the form');
    await context.close();
  });

  test('"Add articles": a URL on a local server is fetched, progress comes live by server-sent events, the article joins the store', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const fetched: string[] = [];
    const news: Server = createServer((req, res) => {
      fetched.push(req.url ?? '');
      if (req.url === '/robots.txt') return void res.writeHead(200, { 'Content-Type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
      if (req.url === '/news/library-reopens.html') {
        // held until the browser follows the job: its end can then only reach the page by the event stream
        return void held.then(() => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(readFileSync(join(FIXTURES, 'tollerup-library.html'))));
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => news.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(news.address() as AddressInfo).port}/news/library-reopens.html`;
    const context = await newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${app.url}/add`);
      await page.getByLabel('Article or feed URLs, one per line').fill(url);
      const events = page.waitForResponse((r) => /\/add\/jobs\/\d+\/events$/.test(r.url()));
      events.catch(() => undefined); // awaited below; a failure before then is reported by the assertion that stops the test
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      assert.match(page.url(), /\/add\/jobs\/\d+$/, `the form leads to the job's page; the server said: ${(await page.locator('body').textContent())?.trim().slice(0, 200)}`);
      const jobUrl = page.url();
      let navigations = 0;
      page.on('framenavigated', (frame) => void (frame === page.mainFrame() && navigations++));
      assert.notEqual(await page.locator('.job').getAttribute('data-state'), 'done', 'the job is still waiting for the page');
      assert.equal(await page.locator('.job-log li').count(), 0);
      const response = await events;
      assert.equal(response.headers()['content-type']?.split(';')[0], 'text/event-stream');
      // what the status line says, change by change
      await page.evaluate(() => {
        const status = document.querySelector('.job .progress')!;
        const seen: string[] = [status.textContent ?? ''];
        (window as unknown as { statuses: string[] }).statuses = seen;
        new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
      });
      release();
      const done = page.locator('.job-log li.done');
      await done.waitFor();
      assert.equal(await done.textContent(), 'Done: 1 new, 0 near-duplicates, 0 already stored, 0 failed.');
      assert.equal(await page.locator('.job').getAttribute('data-state'), 'done');
      assert.equal(navigations, 0, 'the page was not reloaded: the events came by the stream');
      assert.equal(page.url(), jobUrl);
      const statuses = await page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
      assert.ok(statuses.includes('1 of 1 read'), `progress shown: ${JSON.stringify(statuses)}`);
      assert.equal(statuses[statuses.length - 1], 'Finished.');
      assert.deepEqual(fetched, ['/robots.txt', '/news/library-reopens.html']);

      const link = page.locator('.job-stories a');
      assert.equal(await link.count(), 1);
      const href = await link.getAttribute('href');
      await link.click();
      await page.waitForURL(`${app.url}${href}`);
      const dossier = await api<Dossier>(`${href!.replace('/stories/', '/api/stories/')}`);
      const added = dossier.articles.find((a) => a.url === url);
      assert.ok(added, 'the fetched article is in the story the link names');
      assert.equal(added.title, 'Tollerup library reopens after flood repairs');
      assert.equal(added.outlet, 'Tollerup Weekly');
      await page.getByRole('heading', { level: 1 }).waitFor();
    } finally {
      release();
      await context.close();
      await new Promise<void>((resolve) => news.close(() => resolve()));
    }
  });

  test('keyboard only: skip link, a story, "Show evidence" and the evidence itself are reached by Tab and Enter, focus always visible, no trap', async () => {
    const story = await exampleStory();
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/`);

    await page.keyboard.press('Tab');
    let at = await focused(page);
    assert.equal(at?.text, 'Skip to content');
    assertVisible(at);
    await page.keyboard.press('Enter');
    assert.equal((await focused(page))?.id, 'main', 'the skip link moves focus to the content');

    await tabTo(page, (f) => f.href === `/stories/${story.id}`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${app.url}/stories/${story.id}`);

    at = await tabTo(page, (f) => f.text === 'Show evidence');
    const href = at.href!;
    await page.keyboard.press('Enter');
    await page.waitForURL(`${app.url}${href}`);

    at = await tabTo(page, (f) => f.text === 'Jump to the evidence');
    await page.keyboard.press('Enter');
    at = await focused(page);
    assert.equal(at?.tag.split('#')[0], 'MARK', 'the evidence itself takes focus');
    assertVisible(at);

    // no trap: going on, focus comes round to the start of the page again
    const stops = await page.evaluate(() => document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])').length);
    await tabTo(page, (f) => f.text === 'Skip to content', stops + 10);
    await context.close();
  });

  test('hostile article content is shown as text and no script of it runs', async () => {
    const story = await hostileStory();
    const dossier = await api<Dossier>(`/api/stories/${story.id}`);
    const context = await newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    page.on('pageerror', (e) => errors.push(e.message));

    const visited: string[] = [];
    const visit = async (path: string): Promise<void> => {
      visited.push(path);
      const response = await page.goto(`${app.url}${path}`);
      assert.equal(response?.status(), 200, path);
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, `${path}: a payload ran`);
      assert.deepEqual(await activeContent(page), [], `${path}: markup from an article`);
    };

    await visit('/');
    const outlet = `The "Harbour" <Gazette> & 'Co'`;
    assert.ok((await page.locator('table.stories').textContent())?.includes(outlet), 'the outlet name as text in the list');
    assert.ok((await page.locator('#outlet').textContent())?.includes(outlet), 'and in the outlet filter');

    await visit(`/stories/${story.id}`);
    const headline = `Lindqvist Bridge closed </title><script>window.__pwned='title'</script> after crack found`;
    assert.equal(story.headline, headline);
    assert.equal(await page.locator('h1').textContent(), headline);
    assert.equal(await page.title(), `${headline} · Triangulate`);
    const evidence = [...new Set(await page.locator('a.evidence').evaluateAll((els) => els.map((e) => e.getAttribute('href')!)))];
    assert.ok(evidence.some((h) => h.includes('/evidence/claims/')) && evidence.some((h) => h.includes('/evidence/quotes/')), 'claims and quotes with evidence');
    for (const path of evidence) await visit(path);

    const texts: Record<string, string[]> = {
      'harbour-gazette.html': ["<script>window.__pwned='sign'</script>", outlet, '</title><script>'],
      'marrow-courier.html': [`"><img src=x onerror=window.__pwned='attr'>`],
      'coastline-post.txt': [`<img src=x onerror="window.__pwned='text img'">`, `<a href="javascript:window.__pwned='text link'">click here</a>`, `<iframe src="javascript:window.__pwned='text iframe'"></iframe>`],
    };
    for (const [n, article] of dossier.articles.entries()) {
      await visit(`/stories/${story.id}/articles/${n + 1}`);
      const shown = (await page.locator('article.reader').textContent()) ?? '';
      const fixture = Object.keys(texts).find((f) => article.source.endsWith(f));
      assert.ok(fixture, article.source);
      for (const t of texts[fixture]!) assert.ok(shown.includes(t), `${fixture}: ${JSON.stringify(t)} shown as text`);
    }
    assert.ok((await page.locator('main').textContent())?.includes('<script>'));

    await visit(`/stories/${story.id}/check?claim=${encodeURIComponent('Inspectors found a crack in the Lindqvist Bridge.')}`);
    assert.equal(await page.locator('li.verdict').count(), 3);

    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.deepEqual(errors, [], 'no script error');
    assert.deepEqual(escaped, [], 'no request left 127.0.0.1');
    assert.ok(visited.length >= 8, `pages visited: ${visited.join(' ')}`);
    await context.close();
  });

  test('axe-core: no serious or critical violation on the stories, story, evidence, check, add and login pages; signing in through the form', async () => {
    const story = await exampleStory();
    const dossier = await api<Dossier>(`/api/stories/${story.id}`);
    const group = dossier.claimGroups.find((g) => g.status === 'corroborated')!;
    // CSP would refuse the injected axe script: bypassed here only (never for hostile content)
    const context = await newContext({ bypassCSP: true });
    const page = await context.newPage();
    const paths = ['/', `/stories/${story.id}`, `/stories/${story.id}/evidence/claims/${group.id}`, `/stories/${story.id}/check?claim=${encodeURIComponent('Drone strikes on cartels in Mexico are being considered.')}`, '/add'];
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(`${app.url}${path}`);
      found.push(...(await axeProblems(page)).map((p) => `${path}: ${p}`));
    }

    const locked = await serveStore({ host: '0.0.0.0', token: TOKEN });
    try {
      const origin = locked.url.replace('0.0.0.0', '127.0.0.1');
      const response = await page.goto(`${origin}/`);
      assert.equal(response?.status(), 401);
      assert.equal(await page.locator('h1').textContent(), 'Sign in');
      found.push(...(await axeProblems(page)).map((p) => `login: ${p}`));

      await page.getByLabel('Token').fill('not-the-token-at-all');
      await page.getByRole('button', { name: 'Sign in' }).click();
      assert.equal(await page.locator('main h1').count(), 1, `the login form again; the server said: ${(await page.locator('body').textContent())?.trim().slice(0, 200)}`);
      assert.equal(await page.getByRole('alert').textContent(), 'That is not the token.');
      await page.getByLabel('Token').fill(TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${origin}/`);
      assert.equal(await page.locator('h1').textContent(), 'Stories');
      const session = (await context.cookies(origin)).find((c) => c.name === 'triangulate_session');
      assert.ok(session?.secure && session.httpOnly, 'a secure, http-only session cookie');
      assert.equal(await page.locator('table.stories tbody tr').count(), 2);
    } finally {
      await locked.close();
    }
    assert.deepEqual(found, [], 'axe-core violations');
    await context.close();
  });

  test('screenshots at 1280 and 390 pixels wide (looked at by a person); no page scrolls sideways', async () => {
    const story = await exampleStory();
    const dossier = await api<Dossier>(`/api/stories/${story.id}`);
    const group = dossier.claimGroups.find((g) => g.status === 'corroborated')!;
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const width of [1280, 390]) {
      const context = await newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const [name, path] of [['stories', '/'], ['story', `/stories/${story.id}`], ['evidence', `/stories/${story.id}/evidence/claims/${group.id}`]] as const) {
        await page.goto(`${app.url}${path}`);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
        // nothing but the scrolling containers may be wider than the screen
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, `${path} at ${width} px scrolls sideways by ${overflow} px`);
      }
      await context.close();
    }
  });
});

interface Focused {
  tag: string;
  id: string;
  text: string;
  href: string | null;
  inViewport: boolean;
  outlined: boolean;
}

/** The focused element, or null when it is the page itself. */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return {
      tag: el.tagName + (el.id ? `#${el.id}` : '') + (el instanceof HTMLInputElement ? `[type=${el.type}]` : ''),
      id: el.id,
      text: (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 200),
      href: el.getAttribute('href'),
      inViewport: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < window.innerHeight && r.left < window.innerWidth,
      outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    };
  });
}

function assertVisible(at: Focused | null): void {
  assert.ok(at, 'something has focus');
  assert.ok(at.inViewport, `the focused ${at.tag} "${at.text}" is on screen`);
  assert.ok(at.outlined, `the focused ${at.tag} "${at.text}" shows a focus outline`);
}

/** Presses Tab until the focused element is the wanted one, checking each stop is visible. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, limit = 120): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const at = await focused(page);
    if (!at) continue; // past the last element: the page itself, before focus comes round again
    seen.push(`${at.tag}:${at.text.slice(0, 30)}`);
    assertVisible(at);
    if (wanted(at)) return at;
  }
  assert.fail(`not reached in ${limit} presses of Tab; focus went through ${seen.slice(-15).join(' | ')}`);
}

/** Anything in the page that could run or load something: handlers, javascript: addresses, frames, foreign scripts. */
function activeContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const name of el.getAttributeNames()) {
        if (/^on/i.test(name)) found.push(`<${el.tagName.toLowerCase()} ${name}>`);
        const value = el.getAttribute(name) ?? '';
        if (/^(href|src|data|action|formaction|srcdoc|xlink:href)$/i.test(name) && /^\s*(javascript|data|vbscript):/i.test(value)) found.push(`<${el.tagName.toLowerCase()} ${name}=${el.getAttribute(name)}>`);
      }
    }
    for (const el of Array.from(document.querySelectorAll('iframe, frame, object, embed, base, style, meta[http-equiv], img, link[rel]:not([rel="stylesheet"])'))) found.push(`<${el.tagName.toLowerCase()}>`);
    for (const s of Array.from(document.scripts)) if (s.getAttribute('src') !== '/static/app.js') found.push(`<script src=${s.getAttribute('src')}>`);
    return found;
  });
}

/** axe-core's serious and critical violations on the page, one line each. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id} (${v.help}): ${v.targets.join(' ')}`);
}
