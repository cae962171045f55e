// Ingest on real byte-level problems: encodings, binary and empty input, gzip, JSON records.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { decodeBytes } from '../../src/ingest/decode-text.ts';
import { bytesToDocuments } from '../../src/ingest/ingest.ts';

function only(items: ReturnType<typeof bytesToDocuments>) {
  assert.equal(items.length, 1);
  return items[0]!;
}

describe('decodeBytes', () => {
  it('reads valid UTF-8 as UTF-8 even when the page declares ISO-8859-1', () => {
    const html = '<meta charset="iso-8859-1"><p>Sheinbaum’s “sovereignty” — señor</p>';
    const { text, encoding } = decodeBytes(Buffer.from(html, 'utf8'));
    assert.equal(encoding, 'utf-8');
    assert.match(text, /Sheinbaum’s “sovereignty” — señor/);
  });

  it('falls back to windows-1252 for undeclared non-UTF-8 bytes', () => {
    const bytes = Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x97, 0x20, 0x31, 0x30, 0x80]);
    const { text, encoding } = decodeBytes(bytes);
    assert.equal(encoding, 'windows-1252');
    assert.equal(text, '“Hi” café — 10€');
  });

  it('follows a declared charset when the bytes are not UTF-8', () => {
    const body = Buffer.from([0x3c, 0x70, 0x3e, 0xc4, 0xe8, 0xed, 0xe0]); // <p>Дина in windows-1251
    const bytes = Buffer.concat([Buffer.from('<meta charset="windows-1251">'), body]);
    const { text, encoding } = decodeBytes(bytes);
    assert.equal(encoding, 'windows-1251');
    assert.match(text, /Дина/);
  });

  it('honours byte-order marks, UTF-16 included', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hello, world', 'utf16le')]);
    assert.deepEqual(decodeBytes(utf16), { text: 'Hello, world', encoding: 'utf-16le' });
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Bonjour')]);
    assert.deepEqual(decodeBytes(utf8), { text: 'Bonjour', encoding: 'utf-8' });
  });
});

describe('bytesToDocuments', () => {
  it('refuses binary input by name', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const item = only(bytesToDocuments(png, 'photo.txt', 'photo.txt'));
    assert.ok('error' in item);
    assert.match(item.error.message, /^photo\.txt: binary input \(a PNG image\)/);
    const junk = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
    const junkItem = only(bytesToDocuments(junk, 'junk.html', 'junk.html'));
    assert.ok('error' in junkItem && /binary input/.test(junkItem.error.reason));
  });

  it('refuses empty and white-space-only input', () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('  \n\t\n')]) {
      const item = only(bytesToDocuments(bytes, 'empty.txt', 'empty.txt'));
      assert.ok('error' in item && /empty input/.test(item.error.reason));
    }
  });

  it('gunzips, and names broken gzip data', () => {
    const gz = gzipSync(Buffer.from('<html><body><p>Text</p></body></html>'));
    const item = only(bytesToDocuments(gz, 'page.html.gz', 'page.html.gz'));
    assert.ok('doc' in item && item.doc.format === 'html');
    const broken = only(bytesToDocuments(gz.subarray(0, gz.length - 12), 'page.html.gz', 'page.html.gz'));
    assert.ok('error' in broken && /broken gzip data|decompress/.test(broken.error.reason), JSON.stringify(broken));
  });

  it('refuses a gzip bomb past the size limit', () => {
    const bomb = gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x61));
    const item = only(bytesToDocuments(bomb, 'bomb.txt.gz', 'bomb.txt.gz', 1024 * 1024));
    assert.ok('error' in item && /decompresses to more than the 1 MB limit/.test(item.error.reason));
  });

  it('reads JSON Lines records one by one; a broken line fails alone', () => {
    const jsonl = [
      JSON.stringify({ text: 'First article body.', url: 'https://a.example/1', outlet: 'A' }),
      '{ not json',
      JSON.stringify({ html: '<p>Second</p>', title: 'Two' }),
      JSON.stringify({ headline: 'no body' }),
    ].join('\n');
    const items = bytesToDocuments(Buffer.from(jsonl), 'feed.jsonl', 'feed.jsonl');
    assert.equal(items.length, 4);
    assert.ok('doc' in items[0]! && items[0].doc.source === 'feed.jsonl#1' && items[0].doc.hints.outlet === 'A');
    assert.ok('error' in items[1]! && items[1].error.input === 'feed.jsonl#2');
    assert.ok('doc' in items[2]! && items[2].doc.format === 'html' && items[2].doc.hints.title === 'Two');
    assert.ok('error' in items[3]! && /neither a "text" nor an "html"/.test(items[3].error.reason));
  });

  it('sniffs HTML and JSON when the name does not say', () => {
    const html = only(bytesToDocuments(Buffer.from('<!DOCTYPE html><html><body><p>x</p></body></html>'), '-', null));
    assert.ok('doc' in html && html.doc.format === 'html');
    const json = only(bytesToDocuments(Buffer.from('{"text": "Body text."}'), '-', null));
    assert.ok('doc' in json && json.doc.format === 'text' && json.doc.content === 'Body text.');
  });
});
