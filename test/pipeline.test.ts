// The library API: `analyze` over paths and in-memory articles.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, analyzeInputs } from '../src/index.ts';
import { EXAMPLE_DIR } from './helpers.ts';

describe('analyze (library)', () => {
  it('returns the dossier for a folder, articles in path order with content ids', async () => {
    const dossier = await analyze([EXAMPLE_DIR]);
    assert.equal(dossier.version, 1);
    assert.deepEqual(
      dossier.articles.map((a) => a.source.split('/').pop()),
      ['000_0c875d1442d65709.txt', '001_0bbc2159d1507058.txt', '002_7a338ac15e72cb5b.txt', '003_70c9bd313a2ce470.txt', '004_c0100b728ebff7f0.txt'],
    );
    assert.ok(dossier.articles.every((a) => /^a[0-9a-f]{12}$/.test(a.id)));
  });

  it('takes in-memory articles with metadata, and reports bad ones without throwing', async () => {
    const text = readFileSync(join(EXAMPLE_DIR, '004_c0100b728ebff7f0.txt'), 'utf8');
    const { dossier, failures } = await analyzeInputs([
      { text, url: 'https://www.example.com/story', publishedAt: '2025-04-08' },
      { text, source: 'copy' },
      { source: 'nothing' },
    ]);
    assert.equal(dossier.articles.length, 2);
    assert.equal(dossier.articles[0]!.outlet, 'example.com', 'the host stands in for an unknown outlet');
    assert.equal(dossier.articles[0]!.publishedAt, '2025-04-08');
    assert.equal(dossier.articles[1]!.id, `${dossier.articles[0]!.id}-2`, 'the same text twice keeps distinct ids');
    assert.equal(failures.length, 1);
    assert.equal(failures[0]!.input, 'nothing');
  });
});
