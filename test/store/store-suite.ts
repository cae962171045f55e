// The behaviour every store engine must have, run against SQLite always and against PostgreSQL
// when TRIANGULATE_TEST_PG names a database (CI starts one): idempotent ingest, near-duplicates
// and syndicated copies, stories assigned online, listing, export, fetch state, migrations; and
// what hostile input and a second writer must not break: U+0000 and huge words stored alike by
// both engines, an article the database refuses failing alone, an article or a story another
// writer changed meanwhile, frequencies saved by two runs.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InputError } from '../../src/errors.ts';
import type { Article } from '../../src/model.ts';
import { extractInputs } from '../../src/pipeline.ts';
import { StoryAssigner } from '../../src/stories/assign-stories.ts';
import { ingestToStore } from '../../src/stories/ingest-to-store.ts';
import type { Store } from '../../src/store/store.ts';
import { EXAMPLE_DIR } from '../helpers.ts';

const SEEN = '2025-04-10T12:00:00.000Z';

/** A copy of an article as a syndicating outlet prints it: another outlet, a sentence dropped, a line added. */
function syndicated(text: string): string {
  const paragraphs = text.split(/\n\n/);
  return [...paragraphs.slice(0, 2), ...paragraphs.slice(3), 'This story was first published by a partner site.'].join('\n\n');
}

/** A story nobody else covers: five paragraphs, long enough for near-duplicates of it to be told apart. */
const HARBOUR = [
  'Engineers closed the old harbour bridge in Port Elsworth on Tuesday after divers found cracks in two of its granite piers, sending morning traffic on a forty minute detour through the industrial estate.',
  'The bridge, built in 1911 to carry a tramway over the inner basin, had been due for a full inspection next spring. The harbour board brought the work forward after a fishing crew reported loose stones near the waterline.',
  'Divers spent six hours under the arches and photographed a fracture running from the footing of the third pier almost to the deck. A second, smaller crack was found on the pier nearest the fish market.',
  'The board said the bridge would stay closed to cars and lorries for at least three weeks while a contractor props the arches with steel frames. Pedestrians and cyclists will be allowed across on a narrow fenced path.',
  'Shopkeepers on the quay said the closure could not have come at a worse time, with the autumn seafood festival due to open in ten days and thousands of visitors expected to cross the basin on foot every evening.',
].join('\n\n');

/** Another story, about something else entirely. */
const ORCHARD = [
  'Growers in the Tamsin valley began picking the apple harvest two weeks early this year after a dry, hot August ripened the fruit faster than any season since records began at the cooperative in 1962.',
  'The cooperative asked schools and retirees for help in the orchards, offering a daily wage and lunch to anyone willing to climb a ladder. More than four hundred volunteers signed up within a day.',
  'Cold stores at the packing house are already close to full, and the manager said lorries would run through the night to move the crop to juice presses on the coast before it spoils.',
  'Prices at the wholesale market fell by a fifth in a week as the early fruit arrived. Smaller farms warned that they might not cover the cost of picking if prices kept falling.',
  'The regional council promised emergency storage grants and said it would review irrigation rules before next summer, after several wells in the valley ran low in July.',
].join('\n\n');

/** Two outlets' reports of one event nobody else covers: the same story, not near-duplicates of each other. */
const FERRY_ONE = [
  'A passenger ferry ran aground off Skerrow Point on Sunday evening after losing steering in a gale, and all 212 passengers were taken off by lifeboats before midnight, the coastguard said.',
  'The ferry, the Morven Star, had left Balcraig harbour at six for the two hour crossing to the islands. Her master radioed for help when the rudder failed a mile short of the point.',
  'Three passengers were treated for hypothermia at Balcraig hospital. The operator said the vessel would be towed off at high tide on Monday once divers had checked the hull.',
].join('\n\n');
const FERRY_TWO = [
  'Lifeboat crews brought 212 people ashore overnight after the Morven Star ferry went aground at Skerrow Point when her steering failed in storm force winds.',
  'Coastguard officers said the rudder of the ferry stopped answering shortly after it left Balcraig, and the master dropped anchor as the ship drifted onto rocks near the point.',
  'Islanders waiting at the ferry terminal said they had watched the lights of the lifeboats for hours. The operator cancelled all crossings until Tuesday and said the hull would be inspected.',
].join('\n\n');

/** A store that never finds an article stored: as a run that looked before another run stored it. */
function blind(store: Store): Store {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'hasArticle') return async () => false;
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A store whose next commit first lets `meanwhile` run: another writer getting in between a run's reads and its write. */
function interrupted(store: Store, meanwhile: () => Promise<unknown>): Store {
  let pending: (() => Promise<unknown>) | null = meanwhile;
  return new Proxy(store, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown;
      if (property === 'commitArticle') {
        return async (...args: unknown[]) => {
          const run = pending;
          pending = null;
          if (run) await run();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A word of `length` letters, capitalised, the same every run. */
function longWord(length: number): string {
  let s = 7;
  let word = 'Q';
  for (let i = 1; i < length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    word += String.fromCharCode(97 + ((s >> 16) % 26));
  }
  return word;
}

export interface EngineHooks {
  /** Makes the database itself refuse (raise an error for) any article stored with this title. */
  refuseTitle(title: string): Promise<void>;
}

export function storeSuite(name: string, open: () => Promise<Store>, hooks: EngineHooks): void {
  describe(`the ${name} store`, () => {
    let store: Store;
    before(async () => {
      store = await open();
    });
    after(async () => {
      await store.close();
    });

    it('stores each article once, however often it is ingested, and puts it in a story', async () => {
      const { articles } = await extractInputs([EXAMPLE_DIR]);
      const assigner = await StoryAssigner.open(store);
      const first = [];
      for (const a of articles) first.push(await assigner.add(a, SEEN));
      assert.deepEqual(first.map((r) => r.outcome), ['added', 'added', 'added', 'added', 'added']);
      for (const r of first) assert.ok(r.storyId !== null && r.storyId > 0);
      for (const a of articles) assert.equal((await assigner.add(a, SEEN)).outcome, 'known');
      await assigner.flush();
      assert.equal(await store.articleCount(), 5);
      const stories = await store.stories();
      assert.equal(stories.reduce((n, s) => n + s.articles, 0), 5);
      // most of the story's outlets end up together
      assert.ok(Math.max(...stories.map((s) => s.articles)) >= 3, JSON.stringify(stories.map((s) => s.articles)));
    });

    it('records a syndicated copy as a near-duplicate in its original’s story', async () => {
      const { articles } = await extractInputs([EXAMPLE_DIR]);
      const original = articles[3]!;
      const { articles: copies } = await extractInputs([{ text: syndicated(original.text), source: 'partner.txt', outlet: 'Partner News' }]);
      const assigner = await StoryAssigner.open(store);
      const copy = await assigner.add(copies[0]!, SEEN);
      await assigner.flush();
      assert.equal(copy.outcome, 'duplicate');
      assert.equal(copy.duplicateOf, original.id);
      const stored = (await store.stories()).find((s) => s.id === copy.storyId)!;
      assert.ok(stored.outlets.includes('Partner News'));
      const exported = [];
      for await (const row of store.exportArticles()) exported.push(row);
      assert.equal(exported.length, 6);
      assert.equal(exported[5]!.duplicateOf, original.id);
      assert.equal(exported[5]!.storyId, copy.storyId);
    });

    it('starts a new story for an article about something else, and lists and filters stories', async () => {
      const text = 'The city council of Springfield approved a new budget for public libraries on Monday, adding funds for longer opening hours, new computers and a mobile library that will visit rural schools.\n\nLibrarians welcomed the vote. The budget passed by seven votes to two after a debate about property taxes.';
      const { articles } = await extractInputs([{ text, source: 'library.txt', outlet: 'Springfield Courier', publishedAt: '2025-04-09' }]);
      const assigner = await StoryAssigner.open(store);
      const result = await assigner.add(articles[0]!, SEEN);
      await assigner.flush();
      assert.equal(result.outcome, 'added');
      const stories = await store.stories();
      assert.equal(stories.filter((s) => s.id === result.storyId)[0]!.articles, 1);
      assert.ok(stories.every((s) => s.id === result.storyId || !s.outlets.includes('Springfield Courier')));
      assert.ok((await store.stories({ minOutlets: 2 })).every((s) => s.outlets.length >= 2));
      assert.deepEqual(await store.stories({ since: '2999-01-01' }), []);
      const articlesOfStory = await store.storyArticles(result.storyId!);
      assert.equal(articlesOfStory[0]!.id, articles[0]!.id);
    });

    it('finds stories by their words, outlets, dates and size, a page at a time, and keeps their dossiers', async () => {
      const all = await store.findStories({ limit: 100 });
      assert.equal(all.total, (await store.stories()).length);
      const library = all.stories.find((s) => s.outlets.includes('Springfield Courier'))!;
      // every word must be found, each as the start of a word of a title, an outlet or a lead
      assert.deepEqual((await store.findStories({ text: 'Springfield librar' })).stories.map((s) => s.id), [library.id]);
      assert.equal((await store.findStories({ text: 'Springfield drone' })).total, 0);
      assert.ok((await store.findStories({ text: 'drone strikes' })).stories.every((s) => s.id !== library.id));
      assert.ok((await store.findStories({ text: 'drone strikes' })).total >= 1);
      // what would be query syntax in either engine is only words
      for (const text of ['"NEAR(', 'a & !b | c:*', "title: ' OR 1=1 --", '***', '\u0000']) await store.findStories({ text });
      assert.deepEqual((await store.findStories({ outlets: ['Springfield Courier'] })).stories.map((s) => s.id), [library.id]);
      assert.equal((await store.findStories({ outlets: ['No Such Outlet', 'Null\u0000Outlet'] })).total, 0);
      const several = await store.findStories({ minOutlets: 2 });
      assert.ok(several.total >= 1 && several.stories.every((s) => s.outlets.length >= 2));
      assert.equal((await store.findStories({ until: '2000-01-01' })).total, 0);
      assert.equal((await store.findStories({ since: '2999-01-01' })).total, 0);
      const bySize = (await store.findStories({ sort: 'size' })).stories;
      assert.equal(bySize[0]!.articles, Math.max(...bySize.map((s) => s.articles)));
      const second = await store.findStories({ sort: 'size', limit: 1, offset: 1 });
      assert.equal(second.total, all.total);
      assert.deepEqual(second.stories.map((s) => s.id), [bySize[1]!.id]);
      assert.ok((await store.outlets()).includes('Springfield Courier'));

      assert.equal(await store.keptDossier(library.id), null);
      assert.ok((await store.findStories({ unanalysed: { version: 'v1' } })).stories.some((s) => s.id === library.id));
      await store.keepDossier(library.id, { stamp: `${library.articles}:v1`, established: 0, contested: 2, json: '{"version":1}' });
      assert.deepEqual(await store.keptDossier(library.id), { stamp: `${library.articles}:v1`, established: 0, contested: 2, json: '{"version":1}' });
      assert.deepEqual((await store.findStories({ contested: { version: 'v1' } })).stories.map((s) => s.id), [library.id]);
      assert.ok((await store.findStories({ unanalysed: { version: 'v1' } })).stories.every((s) => s.id !== library.id));
      // a dossier kept by another version is not current
      assert.equal((await store.findStories({ contested: { version: 'v2' } })).total, 0);
      await store.keepDossier(library.id, { stamp: `${library.articles}:v1`, established: 1, contested: 0, json: '{"version":1,"x":1}' });
      assert.equal((await store.findStories({ contested: { version: 'v1' } })).total, 0);
    });

    it("keeps articles' annotations under their version, replacing older ones", async () => {
      assert.equal((await store.keptAnnotations(['a-1', 'a-2'], 'v1')).size, 0);
      await store.keepAnnotations([
        { articleId: 'a-1', version: 'v1', json: '{"names":[]}' },
        { articleId: 'a-2', version: 'v1', json: '{"names":[{"text":"Nul\\u0000"}]}' },
      ]);
      assert.deepEqual([...(await store.keptAnnotations(['a-1', 'a-2', 'a-3'], 'v1'))].sort(), [['a-1', '{"names":[]}'], ['a-2', '{"names":[{"text":"Nul\\u0000"}]}']]);
      await store.keepAnnotations([{ articleId: 'a-1', version: 'v2', json: '{"names":[1]}' }]);
      assert.deepEqual([...(await store.keptAnnotations(['a-1', 'a-2'], 'v1')).keys()], ['a-2']);
      assert.equal((await store.keptAnnotations(['a-1'], 'v2')).get('a-1'), '{"names":[1]}');
      await store.keepAnnotations([]);
    });

    it('keeps fetch state for conditional requests and failures to retry', async () => {
      await store.recordFetch('https://news.example/a', { etag: '"v1"', lastModified: 'Tue, 08 Apr 2025 10:00:00 GMT', failures: 0, lastError: null });
      await store.recordFetch('https://news.example/b', { etag: null, lastModified: null, failures: 1, lastError: 'HTTP 503' });
      assert.deepEqual(await store.fetchState('https://news.example/a'), { etag: '"v1"', lastModified: 'Tue, 08 Apr 2025 10:00:00 GMT', failures: 0, lastError: null });
      assert.deepEqual(await store.failedFetches(), ['https://news.example/b']);
      await store.recordFetch('https://news.example/b', { etag: null, lastModified: null, failures: 0, lastError: null });
      assert.deepEqual(await store.failedFetches(), []);
    });

    it('keeps the document frequencies between runs', async () => {
      const saved = await store.loadFrequencies();
      assert.equal(saved?.documents, 7);
      assert.equal(saved.counts.length, 1 << 20);
    });

    it('stores U+0000 in a title, text, outlet and url, and gives the article back as it was', async () => {
      const { articles } = await extractInputs([{ text: HARBOUR, source: 'harbour.txt' }]);
      const article: Article = { ...articles[0]!, id: 'a-nul-0000', title: 'Harbour\u0000bridge closed', outlet: 'Quay\u0000Times', url: 'https://quay.example/nul\u0000', text: `${articles[0]!.text}\u0000` };
      const assigner = await StoryAssigner.open(store);
      const result = await assigner.add(article, SEEN);
      await assigner.flush();
      assert.equal(result.outcome, 'added');
      const back = (await store.storyArticles(result.storyId!)).find((a) => a.id === article.id);
      assert.deepEqual(back, article);
      const story = (await store.story(result.storyId!))!;
      // a headline is a plain column: U+0000 is stored as U+FFFD by both engines
      assert.equal(story.headline, 'Harbour\uFFFDbridge closed');
      assert.deepEqual(story.outlets, ['Quay\u0000Times']);
      const exported = [];
      for await (const row of store.exportArticles()) if (row.article.id === article.id) exported.push(row.article);
      assert.deepEqual(exported, [article]);
    });

    it('stores an article whose 5,000-letter word is one of its story keys, and finds its story by it', async () => {
      const word = longWord(5000);
      const text = `The festival committee met ${word} officials on Friday, and the ${word} delegation agreed to move the opening night.\n\nVisitors were told that ${word} stewards would guide them across the basin by boat while the bridge is closed.`;
      const { articles } = await extractInputs([{ text, source: 'long-word.txt', outlet: 'Basin Herald' }]);
      const assigner = await StoryAssigner.open(store);
      const result = await assigner.add(articles[0]!, SEEN);
      await assigner.flush();
      assert.equal(result.outcome, 'added');
      const found = await store.storyCandidates([`n:${word.toLowerCase()}`], '');
      assert.deepEqual(found.map((s) => s.id), [result.storyId]);
    });

    it('fails only the article the database refuses, with one line naming it, and stores the next', async () => {
      await hooks.refuseTitle('Refused by the database');
      const { articles } = await extractInputs([
        { text: `${HARBOUR}\n\nA reader wrote in about the refused letter.`, source: 'refused.txt', title: 'Refused by the database', url: 'https://quay.example/refused' },
        { text: `${HARBOUR}\n\nThe mayor is expected to visit the site on Monday.`, source: 'next.txt', title: 'Mayor to visit the bridge' },
      ]);
      const before = await store.articleCount();
      const documents = (await store.loadFrequencies())!.documents;
      const assigner = await StoryAssigner.open(store);
      await assert.rejects(assigner.add(articles[0]!, SEEN), (error: unknown) => {
        assert.ok(error instanceof InputError, String(error));
        assert.equal(error.input, 'https://quay.example/refused');
        assert.match(error.message, /could not be stored/);
        assert.ok(!error.message.includes('\n'), error.message);
        return true;
      });
      const next = await assigner.add(articles[1]!, SEEN);
      await assigner.flush();
      assert.notEqual(next.outcome, 'known');
      assert.equal(await store.articleCount(), before + 1);
      assert.equal(await store.hasArticle(articles[0]!.id), false);
      // only the stored article counts in the frequencies
      assert.equal((await store.loadFrequencies())!.documents, documents + 1);
    });

    it('ingest reports an article the database refuses on one line and stores the rest', async () => {
      // the database refuses the title since the test before
      const dir = mkdtempSync(join(tmpdir(), 'triangulate-refused-'));
      try {
        writeFileSync(join(dir, 'a-refused.html'), `<html><head><title>Refused by the database</title></head><body><article><p>${HARBOUR.split('\n\n').join('</p><p>')}</p><p>A reader wrote in about the refused page.</p></article></body></html>`);
        writeFileSync(join(dir, 'b-next.txt'), `${HARBOUR}\n\nThe harbour master is expected to inspect the crane on Friday.`);
        const errors: InputError[] = [];
        const summary = await ingestToStore([dir], store, { onError: (e) => errors.push(e) });
        assert.equal(errors.length, 1, errors.map((e) => e.message).join('; '));
        assert.equal(errors[0]!.input, join(dir, 'a-refused.html'));
        assert.equal(summary.failed, 1);
        assert.equal(summary.added + summary.duplicates, 1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('starts one story, not two, when another writer starts it between reading the candidates and writing', async () => {
      const { articles } = await extractInputs([
        { text: FERRY_ONE, source: 'ferry-1.txt', outlet: 'Isle Post' },
        { text: FERRY_TWO, source: 'ferry-2.txt', outlet: 'Sound Times' },
      ]);
      const other = await StoryAssigner.open(store);
      let meanwhile: Awaited<ReturnType<StoryAssigner['add']>> | undefined;
      // the late writer reads the candidates (no ferry story yet), then the other starts the story, then the late one writes
      const late = await StoryAssigner.open(interrupted(store, async () => (meanwhile = await other.add(articles[0]!, SEEN))));
      const last = await late.add(articles[1]!, SEEN);
      await other.flush();
      await late.flush();
      assert.equal(meanwhile?.outcome, 'added');
      assert.equal(last.outcome, 'added', 'not a near-duplicate: another report of the same event');
      assert.equal(last.storyId, meanwhile?.storyId);
      const story = (await store.story(last.storyId!))!;
      assert.equal(story.articles, 2);
      assert.deepEqual(story.outlets, ['Isle Post', 'Sound Times']);
    });

    it('counts an article another writer stored meanwhile as known, with nothing written twice', async () => {
      const { articles } = await extractInputs([EXAMPLE_DIR]);
      const before = await store.articleCount();
      const stories = (await store.stories()).map((s) => [s.id, s.articles]);
      const assigner = await StoryAssigner.open(blind(store));
      for (const a of articles) assert.equal((await assigner.add(a, SEEN)).outcome, 'known');
      await assigner.flush();
      assert.equal(await store.articleCount(), before);
      assert.deepEqual((await store.stories()).map((s) => [s.id, s.articles]), stories);
    });

    it('adds up the document frequencies two runs save, rather than keeping the last', async () => {
      const documents = (await store.loadFrequencies())!.documents;
      const { articles } = await extractInputs([
        { text: `${HARBOUR}\n\nTraffic wardens will be posted at both ends of the detour.`, source: 'one.txt' },
        { text: `${HARBOUR}\n\nThe contractor said steel for the frames arrives on Thursday.`, source: 'two.txt' },
      ]);
      const first = await StoryAssigner.open(store);
      const second = await StoryAssigner.open(store);
      assert.notEqual((await first.add(articles[0]!, SEEN)).outcome, 'known');
      assert.notEqual((await second.add(articles[1]!, SEEN)).outcome, 'known');
      await first.flush();
      await second.flush();
      assert.equal((await store.loadFrequencies())!.documents, documents + 2);
    });

    it('updates a story another writer joined meanwhile from its current row, losing neither article', async () => {
      const original = ORCHARD;
      const { articles } = await extractInputs([
        { text: original, source: 'orchard.txt', outlet: 'Valley Post' },
        { text: `${original}\n\nThe Vexillarian guild said the Vexillarian banners in the orchards would come down, and the Vexillarian fair would be moved.`, source: 'guild.txt', outlet: 'Guild Gazette' },
        { text: `${original}\n\nPickers are expected to finish by the end of the month.`, source: 'cost.txt', outlet: 'Coast Daily' },
      ]);
      const assigner = await StoryAssigner.open(store);
      const first = await assigner.add(articles[0]!, SEEN);
      await assigner.flush();
      assert.equal((await store.story(first.storyId!))!.articles, 1);
      const other = await StoryAssigner.open(store);
      let meanwhile: Awaited<ReturnType<StoryAssigner['add']>> | undefined;
      const late = await StoryAssigner.open(interrupted(store, async () => (meanwhile = await other.add(articles[1]!, SEEN))));
      const last = await late.add(articles[2]!, SEEN);
      await other.flush();
      await late.flush();
      assert.equal(meanwhile?.storyId, first.storyId);
      assert.equal(last.storyId, first.storyId);
      const story = (await store.story(first.storyId!))!;
      assert.equal(story.articles, 3);
      assert.deepEqual(story.outlets, ['Coast Daily', 'Guild Gazette', 'Valley Post']);
      // the guild's word came in with the article stored meanwhile: the late write kept it
      assert.ok(story.vector.some(([t]) => t.includes('vexillarian')), JSON.stringify(story.vector.map(([t]) => t)));
    });
  });
}
