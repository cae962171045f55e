// Online story assignment, one article at a time, with no all-pairs comparison: an article that is
// a near-duplicate of a stored one (MinHash estimate of its shingles' Jaccard at DUPLICATE or
// more, found through LSH keys) joins that article's story as its copy; otherwise it joins the
// story, seen within WINDOW_DAYS of its date and sharing one of its top terms, whose term vector
// is closest to its own (cosine at SAME_STORY or more), or starts a new story.
import type { Article } from '../model.ts';
import type { Store } from '../store/store.ts';
import { bandKeys, estimateJaccard, signatureOf } from './minhash.ts';
import { articleTerms, cosine, DocumentFrequencies, mergeVectors, termVector } from './story-features.ts';

export const DUPLICATE = 0.8;
export const SAME_STORY = 0.25;
export const WINDOW_DAYS = 7;
/** Top terms an article looks stories up by, and a story is found again by. */
const KEYS = 20;
/** How often the document frequencies are written back to the store. */
const SAVE_EVERY = 2000;

export type Outcome = 'added' | 'duplicate' | 'known';

export interface Assignment {
  outcome: Outcome;
  storyId: number | null;
  duplicateOf: string | null;
}

function datedOf(article: Article, seenAt: string): string {
  const published = article.publishedAt ? new Date(article.publishedAt) : null;
  return published && !Number.isNaN(published.getTime()) ? published.toISOString() : seenAt;
}

export class StoryAssigner {
  private sinceSave = 0;

  private constructor(
    private readonly store: Store,
    private readonly df: DocumentFrequencies,
    private readonly sameStory: number,
  ) {}

  static async open(store: Store, options: { sameStory?: number } = {}): Promise<StoryAssigner> {
    const saved = await store.loadFrequencies();
    return new StoryAssigner(store, saved ? new DocumentFrequencies(saved.counts, saved.documents) : new DocumentFrequencies(), options.sameStory ?? SAME_STORY);
  }

  async add(article: Article, seenAt: string): Promise<Assignment> {
    if (await this.store.hasArticle(article.id)) return { outcome: 'known', storyId: null, duplicateOf: null };
    const dated = datedOf(article, seenAt);
    const signature = signatureOf(article.text);
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
    const top = [...vector.keys()].slice(0, KEYS);
    let storyVector = vector;
    let articles = 0;
    if (storyId === null) {
      const since = new Date(new Date(dated).getTime() - WINDOW_DAYS * 86_400_000).toISOString();
      let bestScore = this.sameStory;
      for (const s of await this.store.storyCandidates(top, since)) {
        const score = cosine(vector, new Map(s.vector));
        if (score >= bestScore) {
          bestScore = score;
          storyId = s.id;
          storyVector = new Map(s.vector);
          articles = s.articles;
        }
      }
    } else {
      const s = await this.store.story(storyId);
      if (s) {
        storyVector = new Map(s.vector);
        articles = s.articles;
      }
    }
    const merged = storyId === null ? vector : mergeVectors(storyVector, vector, articles);
    const committed = await this.store.commitArticle({
      article,
      seenAt,
      dated,
      signature,
      bandKeys: keys,
      duplicateOf,
      storyId,
      storyVector: [...merged].map(([t, w]) => [t, Math.round(w * 1e6) / 1e6]),
      storyKeys: [...merged.keys()].slice(0, KEYS),
    });
    if (++this.sinceSave >= SAVE_EVERY) await this.flush();
    return { outcome: duplicateOf ? 'duplicate' : 'added', storyId: committed.storyId, duplicateOf };
  }

  async flush(): Promise<void> {
    this.sinceSave = 0;
    await this.store.saveFrequencies(this.df.counts, this.df.documents);
    await this.store.flush();
  }
}
