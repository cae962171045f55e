// No page of the development sets (WCXB dev, Zyte) is refused while it holds a paragraph of
// prose. Skipped with a message where the sets are absent (CI): they are not ours to ship.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { bytesToDocuments } from '../../src/ingest/ingest.ts';
import { ROOT } from '../helpers.ts';

const DATA = join(ROOT, '..', 'shared', 'data', 'extraction');
const WCXB = join(DATA, 'wcxb', 'dev');
const ZYTE = join(DATA, 'zyte');

/** A paragraph of prose: a line of 40 words or more with sentence punctuation in it. */
function holdsProse(text: string): boolean {
  return text.split('\n').some((line) => /[.!?]/.test(line) && (line.match(/\w+/g) ?? []).length >= 40);
}

/** The pages of a set whose ground truth holds prose: [id, path of the page]. */
function pagesWithProse(): Array<[string, string]> {
  const pages: Array<[string, string]> = [];
  for (const file of readdirSync(join(WCXB, 'ground-truth')).sort()) {
    const id = file.replace(/\.json$/, '');
    const truth = JSON.parse(readFileSync(join(WCXB, 'ground-truth', file), 'utf8')) as { ground_truth: { main_content?: string } };
    if (holdsProse(truth.ground_truth.main_content ?? '')) pages.push([`wcxb ${id}`, join(WCXB, 'html', `${id}.html.gz`)]);
  }
  const zyte = JSON.parse(readFileSync(join(ZYTE, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string }>;
  for (const [id, truth] of Object.entries(zyte).sort()) {
    if (holdsProse(truth.articleBody ?? '')) pages.push([`zyte ${id}`, join(ZYTE, 'html', `${id}.html.gz`)]);
  }
  return pages;
}

const present = existsSync(join(WCXB, 'ground-truth')) && existsSync(join(ZYTE, 'ground-truth.json'));

describe('development sets', () => {
  it(
    'refuse no page that holds a paragraph of prose',
    { skip: present ? false : `the development sets are not in ${DATA} (they are not shipped with the project)`, timeout: 600_000 },
    () => {
      const pages = pagesWithProse();
      assert.ok(pages.length > 1000, `only ${pages.length} pages with prose found`);
      const refused: string[] = [];
      for (const [name, path] of pages) {
        const [item] = bytesToDocuments(readFileSync(path), path, path);
        try {
          if (!item || !('doc' in item)) throw new Error('not read');
          extractArticle(item.doc);
        } catch (error) {
          refused.push(`${name}: ${(error as Error).message}`);
        }
      }
      assert.deepEqual(refused, []);
    },
  );
});
