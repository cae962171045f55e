// A folder laid out like WCXB (`html/<id>.html.gz`, `ground-truth/<id>.json` holding
// `ground_truth.main_content` and `_internal.page_type.primary`): its pages, their page types,
// in the split of scripts/read-wcxb.ts (a tuning part and a held-out part, so that rules tuned
// on one part can be measured on pages they were not tuned on).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readWcxb, type Part } from '../scripts/read-wcxb.ts';

export type { Part };

export interface WcxbPage {
  id: string;
  type: string;
  truth: string;
}

export function isWcxbLayout(dir: string): boolean {
  return existsSync(join(dir, 'ground-truth')) && existsSync(join(dir, 'html')) && !existsSync(join(dir, 'ground-truth.json'));
}

/** The pages of `part` that have their HTML, in id order, optionally of one page type and at most `limit` of them. */
export function loadWcxb(dir: string, part: Part, options: { limit?: number; type?: string } = {}): WcxbPage[] {
  const pages = readWcxb(dir, part).filter((p) => (!options.type || p.type === options.type) && existsSync(p.path));
  return (options.limit ? pages.slice(0, options.limit) : pages).map((p) => ({ id: p.id, type: p.type, truth: p.content }));
}
