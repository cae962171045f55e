// Online story assignment, one article at a time, with no all-pairs comparison: an article that is
// a near-duplicate of a stored one (MinHash estimate of its shingles' Jaccard at DUPLICATE or
// more, found through LSH keys) joins that article's story as its copy; otherwise it joins the
// story, seen within WINDOW_DAYS of its date and sharing one of its top terms, whose term vector
// is closest to its own (cosine at SAME_STORY or more), or starts a new story. Several writers may
// assign at once: an article that found no story to join is given to the store with the way to
// choose, and the store chooses again under a lock on its story keys as it writes, so that two
// similar articles written at the same moment by two workers make one story, not two.
import type { Article } from '../model.ts';
import { STORY_KEYS, type NewArticle, type Store, type StoryRow } from '../store/store.ts';
import { bandKeys, estimateJaccard, signatureOf } from './minhash.ts';
import { articleTerms, cosine, DocumentFrequencies, mergeVectors, termVector } from './story-features.ts';

export const DUPLICATE = 0.8;
export const SAME_STORY = 0.25;
export const WINDOW_DAYS = 7;
/** How often (in articles) the document frequencies are added to the store's. */
const SAVE_EVERY = 2000;
/** Below this many documents in the counts, workers sharing a store save every COLD_SAVE_EVERY articles. */
const COLD_DOCUMENTS = 1000;
const COLD_SAVE_EVERY = 5;

/** `apart`: a page that is not an article, stored in a story of its own. */
export type Outcome = 'added' | 'duplicate' | 'known' | 'apart';

export interface Assignment {
  outcome: Outcome;
  storyId: number | null;
  duplicateOf: string | null;
}

function datedOf(article: Article, seenAt: string): string {
  const published = article.publishedAt ? new Date(article.publishedAt) : null;
  return published && !Number.isNaN(published.getTime()) ? published.toISOString() : seenAt;
}

/**
 * Assigns articles to stories in one store, which other runs may be writing too. It weighs terms
 * by the document frequencies as it last read them plus its own articles since (`df`), and keeps
 * its own articles' counts apart (`added`): saving adds those to the store's counts, whatever
 * other runs added meanwhile, and reads the totals back. Only articles the store took count: one
 * another run stored first (known) or the store refused adds nothing to the saved counts.
 */
export class StoryAssigner {
  private sinceSave = 0;
  private savedAt = performance.now();
  private readonly added = new DocumentFrequencies();

  private constructor(
    private readonly store: Store,
    private df: DocumentFrequencies,
    private readonly sameStory: number,
    private readonly saveEveryMs: number,
  ) {}

  /**
   * `saveEveryMs`: also save the counts when this long has passed since the last save (workers
   * sharing a store see each other's articles in the weights within this time; by default only
   * every SAVE_EVERY articles, which suits one process).
   */
  static async open(store: Store, options: { sameStory?: number; saveEveryMs?: number } = {}): Promise<StoryAssigner> {
    const saved = await store.loadFrequencies();
    return new StoryAssigner(store, saved ? new DocumentFrequencies(saved.counts, saved.documents) : new DocumentFrequencies(), options.sameStory ?? SAME_STORY, options.saveEveryMs ?? Number.POSITIVE_INFINITY);
  }

  /**
   * Assigns the article and stores it. An article the store refuses throws its InputError (one
   * line, naming it); the store and this assigner are then ready for the next article.
   */
  async add(article: Article, seenAt: string, options: { apart?: boolean } = {}): Promise<Assignment> {
    if (await this.store.hasArticle(article.id)) return { outcome: 'known', storyId: null, duplicateOf: null };
    const dated = datedOf(article, seenAt);
    const signature = signatureOf(article.text);
    if (options.apart) {
      // a page that is not an article (a listing, a product…): a story of its own, with no band
      // keys and no terms, so that no article ever finds it as a duplicate or a story to join,
      // and its words do not count in the document frequencies
      const committed = await this.store.commitArticle({ article, seenAt, dated, signature, bandKeys: [], duplicateOf: null, storyId: null, vector: [] });
      if (committed.known) return { outcome: 'known', storyId: null, duplicateOf: null };
      return { outcome: 'apart', storyId: committed.storyId, duplicateOf: null };
    }
    const keys = bandKeys(signature);
    let duplicateOf: string | null = null;
    let storyId: number | null = null;
    let best = DUPLICATE;
    for (const c of await this.store.duplicateCandidates(keys)) {
      const j = estimateJaccard(signature, c.signature);
      if (j >= best) {
        best = j;
        duplicateOf = c.id;
        storyId = c.storyId;
      }
    }
    const terms = articleTerms(article.title, article.text);
    this.df.add(terms);
    const vector = termVector(terms, this.df);
    let reassign: NewArticle['reassign'];
    if (storyId === null) {
      const top = [...vector.keys()].slice(0, STORY_KEYS);
      const since = new Date(new Date(dated).getTime() - WINDOW_DAYS * 86_400_000).toISOString();
      // the closest story at SAME_STORY or more (the last of equals, by id)
      const choose = (candidates: readonly StoryRow[]): number | null => {
        let chosen: number | null = null;
        let bestScore = this.sameStory;
        for (const s of candidates) {
          const score = cosine(vector, new Map(s.vector));
          if (score >= bestScore) {
            bestScore = score;
            chosen = s.id;
          }
        }
        return chosen;
      };
      storyId = choose(await this.store.storyCandidates(top, since));
      // none: the store chooses again as it writes, in case another writer has just started it
      if (storyId === null) reassign = { terms: top, since, choose };
    }
    // the store merges the vector into the story's as it stands when it writes (another run may
    // have added to the story since the candidates were read)
    const committed = await this.store.commitArticle({ article, seenAt, dated, signature, bandKeys: keys, duplicateOf, storyId, vector: [...vector], reassign });
    if (committed.known) return { outcome: 'known', storyId: null, duplicateOf: null };
    this.added.add(terms);
    // sharing (saveEveryMs set): while the store's counts are few, each article weighs heavily in
    // them, so workers save every COLD_SAVE_EVERY articles until the counts hold COLD_DOCUMENTS
    const every = Number.isFinite(this.saveEveryMs) && this.df.documents < COLD_DOCUMENTS ? COLD_SAVE_EVERY : SAVE_EVERY;
    if (++this.sinceSave >= every || performance.now() - this.savedAt >= this.saveEveryMs) await this.flush();
    return { outcome: duplicateOf ? 'duplicate' : 'added', storyId: committed.storyId, duplicateOf };
  }

  /** Adds this run's counts to the store's and makes everything written durable. */
  async flush(): Promise<void> {
    this.sinceSave = 0;
    this.savedAt = performance.now();
    if (this.added.documents > 0) {
      const total = await this.store.addFrequencies(this.added.counts, this.added.documents);
      this.df = new DocumentFrequencies(total.counts, total.documents);
      this.added.counts.fill(0);
      this.added.documents = 0;
    }
    await this.store.flush();
  }
}
