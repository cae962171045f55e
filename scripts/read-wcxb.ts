// Reads a WCXB split (`html/<id>.html.gz`, `ground-truth/<id>.json`): each page's id, page type,
// title, author and publication date, and whether it is held out. A page is held out when the
// first byte of the SHA-256 of its id is 0 mod 5 (the split shared with bench:extraction), so
// tuning never sees the pages reported as held out.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRef } from '../src/ingest/ingest.ts';
import type { RawDocument } from '../src/ingest/raw-document.ts';

export interface WcxbPage {
  id: string;
  /** The page's path, as `triangulate extract` is given it. */
  path: string;
  url: string;
  type: string;
  title: string | null;
  author: string | null;
  date: string | null;
  /** The ground truth's main content, what extraction should keep. */
  content: string;
  heldOut: boolean;
}

export type Part = 'tune' | 'held-out' | 'all';

/** About a fifth of the pages, fixed by the id alone: the first byte of its SHA-256, mod 5, is 0. */
export function isHeldOut(id: string): boolean {
  return createHash('sha256').update(id).digest()[0]! % 5 === 0;
}

export function inPart(id: string, part: Part): boolean {
  return part === 'all' || (part === 'held-out') === isHeldOut(id);
}

export function readWcxb(dir: string, part: Part = 'all'): WcxbPage[] {
  const pages: WcxbPage[] = [];
  for (const name of readdirSync(join(dir, 'ground-truth')).filter((n) => n.endsWith('.json')).sort()) {
    const gt = JSON.parse(readFileSync(join(dir, 'ground-truth', name), 'utf8')) as {
      file_id: string;
      url: string;
      _internal?: { page_type?: { primary?: string } };
      ground_truth?: { title?: string | null; author?: string | null; publish_date?: string | null; main_content?: string | null };
    };
    const id = name.replace(/\.json$/, '');
    if (!inPart(id, part)) continue;
    const heldOut = isHeldOut(id);
    pages.push({
      id,
      path: join(dir, 'html', `${id}.html.gz`),
      url: gt.url,
      type: gt._internal?.page_type?.primary ?? 'unknown',
      title: gt.ground_truth?.title ?? null,
      author: gt.ground_truth?.author ?? null,
      date: gt.ground_truth?.publish_date ?? null,
      content: gt.ground_truth?.main_content ?? '',
      heldOut,
    });
  }
  return pages;
}

/** The page as ingest reads a file: gunzipped and decoded. */
export async function readPage(page: WcxbPage): Promise<RawDocument> {
  const [item] = await readRef({ kind: 'file', path: page.path, source: page.path });
  if (!item || 'error' in item) throw new Error(`${page.path}: ${item ? item.error.reason : 'nothing read'}`);
  return item.doc;
}
