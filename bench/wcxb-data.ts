// A folder laid out like WCXB (`html/<id>.html.gz`, `ground-truth/<id>.json` holding
// `ground_truth.main_content` and `_internal.page_type.primary`): its pages, their page types,
// and a fixed split into a tuning part and a held-out part, so that rules tuned on one part can be
// measured on pages they were not tuned on.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Part = 'tune' | 'held-out' | 'all';

export interface WcxbPage {
  id: string;
  type: string;
  truth: string;
}

export function isWcxbLayout(dir: string): boolean {
  return existsSync(join(dir, 'ground-truth')) && existsSync(join(dir, 'html')) && !existsSync(join(dir, 'ground-truth.json'));
}

/** About a fifth of the pages, fixed by the id alone: the first byte of its SHA-256, mod 5, is 0. */
export function isHeldOut(id: string): boolean {
  return createHash('sha256').update(id).digest()[0]! % 5 === 0;
}

export function inPart(id: string, part: Part): boolean {
  return part === 'all' || (part === 'held-out') === isHeldOut(id);
}

interface GroundTruthFile {
  ground_truth?: { main_content?: string | null };
  _internal?: { page_type?: { primary?: string } };
}

/** The pages of `part`, in id order, optionally of one page type and at most `limit` of them. */
export function loadWcxb(dir: string, part: Part, options: { limit?: number; type?: string } = {}): WcxbPage[] {
  const pages: WcxbPage[] = [];
  for (const file of readdirSync(join(dir, 'ground-truth')).filter((f) => f.endsWith('.json')).sort()) {
    const id = file.replace(/\.json$/, '');
    if (!inPart(id, part) || !existsSync(join(dir, 'html', `${id}.html.gz`))) continue;
    const data = JSON.parse(readFileSync(join(dir, 'ground-truth', file), 'utf8')) as GroundTruthFile;
    const type = data._internal?.page_type?.primary ?? 'unknown';
    if (options.type && type !== options.type) continue;
    pages.push({ id, type, truth: data.ground_truth?.main_content ?? '' });
    if (options.limit && pages.length >= options.limit) break;
  }
  return pages;
}
