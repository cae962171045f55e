// Each story's dossier, computed once and kept until the story changes: in the store (so that a
// restart, or another server on the same store, does not compute it again) and, parsed, in a
// small in-memory cache for the pages and the API. A dossier is current while its stamp, the
// story's article count and the analysis version, is the story's (articles are only ever added).
import { annotationVersion } from '../annotate/annotation-version.ts';
import type { Article, Dossier } from '../model.ts';
import type { Analysed } from './analysis-thread.ts';
import { dossierStamp, type Store, type StoryRow } from '../store/store.ts';

export interface StoryDossier {
  story: StoryRow;
  dossier: Dossier;
  /** The dossier as JSON, byte for byte what `triangulate dossier` writes. */
  json: string;
  /** What makes it current: the story's article count and the analysis version. */
  stamp: string;
  /** Responses made from it (pages, downloads, gzipped too), kept with it: each is rendered once. */
  rendered: Map<string, Buffer>;
}

/** Parsed dossiers kept in memory, at most. */
const IN_MEMORY = 8;

export class StoryDossiers {
  private readonly memory = new Map<number, StoryDossier>();
  /** Dossiers being computed: two requests for one story compute it once. */
  private readonly computing = new Map<number, Promise<StoryDossier | null>>();

  constructor(
    private readonly store: Store,
    readonly version: string,
    /** Computes a dossier's JSON from the articles and their kept annotations (in a worker thread, for the server). */
    private readonly analyze: (articles: readonly Article[], kept: ReadonlyMap<string, string>, version: string) => Promise<Analysed>,
    /** The version kept annotations are made by. */
    private readonly annotations: string = annotationVersion(),
  ) {}

  /** The story's dossier, or null when there is no such story. */
  async get(storyId: number): Promise<StoryDossier | null> {
    const story = await this.store.story(storyId);
    if (!story) return null;
    const stamp = dossierStamp(story.articles, this.version);
    const inMemory = this.memory.get(storyId);
    if (inMemory?.stamp === stamp) {
      // most recently used last
      this.memory.delete(storyId);
      this.memory.set(storyId, inMemory);
      return { ...inMemory, story };
    }
    let pending = this.computing.get(storyId);
    if (!pending) {
      pending = this.load(story, stamp).finally(() => this.computing.delete(storyId));
      this.computing.set(storyId, pending);
    }
    return pending;
  }

  private async load(story: StoryRow, stamp: string): Promise<StoryDossier> {
    const kept = await this.store.keptDossier(story.id);
    let json: string;
    let dossier: Dossier;
    if (kept?.stamp === stamp) {
      json = kept.json;
      dossier = JSON.parse(json) as Dossier;
    } else {
      const articles = await this.store.storyArticles(story.id);
      // each article's kept annotations are read, not made again; those made now are kept
      const analysed = await this.analyze(articles, await this.store.keptAnnotations(articles.map((a) => a.id), this.annotations), this.annotations);
      await this.store.keepAnnotations(analysed.fresh);
      json = analysed.json;
      dossier = JSON.parse(json) as Dossier;
      const statuses = dossier.claimGroups.map((g) => g.status);
      await this.store.keepDossier(story.id, {
        stamp,
        json,
        established: statuses.filter((s) => s === 'corroborated').length,
        contested: statuses.filter((s) => s === 'contested').length,
      });
    }
    const entry: StoryDossier = { story, dossier, json, stamp, rendered: new Map() };
    this.memory.set(story.id, entry);
    while (this.memory.size > IN_MEMORY) this.memory.delete(this.memory.keys().next().value!);
    return entry;
  }
}
