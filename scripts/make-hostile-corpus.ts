// The hostile corpus: inputs an attacker or an unlucky user would give Triangulate, each a file
// plus what must come of it (a one-line error whose reason matches a pattern, or an article whose
// text holds given words). Generated, not committed: some inputs are tens of megabytes. The same
// files come out on every run (one seeded random source, sentences from the bundled example).
//
//   node --import tsx scripts/make-hostile-corpus.ts [DIR]     (default test/hostile/corpus/)
//
// test/hostile/hostile.test.ts calls makeCorpus() itself when the corpus is missing or stale.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { seededRandom } from '../src/learn/seeded-random.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_CORPUS_DIR = join(ROOT, 'test', 'hostile', 'corpus');
const EXAMPLE_DIR = join(ROOT, 'examples', 'drone-strikes-2025');
/** Bumped whenever an input or an expectation changes, so that a stale corpus is remade. */
export const CORPUS_VERSION = 6;
const SEED = 0x7e57ab1e;
const MB = 1024 * 1024;

/** What must come of one input, or of one record of a JSON/JSONL input. */
export type Expect =
  /** One line `triangulate: <input>: <reason>`; `reason` is a regular expression's source. */
  | { kind: 'error'; reason: string }
  /** An article whose text (or title) contains each of `contains` and none of `absent`. */
  | { kind: 'ok'; contains: string[]; absent?: string[] }
  /** Either is right (a page of only digits may or may not be an article); an article must still contain `contains`. */
  | { kind: 'either'; contains?: string[] };

export interface CorpusEntry {
  /** Short id for the summary table. */
  name: string;
  /** File name inside the corpus directory (may hold a newline or Markdown: that is the point). */
  file: string;
  what: string;
  /** `batch`: one CLI run takes all of these at once; `solo`: a run of its own (slow, or its own memory figure). */
  group: 'batch' | 'solo';
  /** One entry per article-sized output: `suffix` '' for the file itself, '#N' for record N of a JSON/JSONL file. */
  outputs: Array<{ suffix: string; expect: Expect }>;
  /** Peak resident memory allowed for the run of a solo input, MB. */
  budgetMB?: number;
  /** Commands a solo input goes through (all by default). */
  commands?: Array<'extract' | 'analyze' | 'ingest' | 'library'>;
}

export interface Manifest {
  version: number;
  entries: CorpusEntry[];
}

const single = (expect: Expect): CorpusEntry['outputs'] => [{ suffix: '', expect }];
const ok = (...contains: string[]): Expect => ({ kind: 'ok', contains });
const error = (reason: string): Expect => ({ kind: 'error', reason });

/** Sentences that mean something: the body lines of the bundled example, split at full stops. */
function exampleSentences(): string[] {
  const sentences: string[] = [];
  for (const file of readdirSync(EXAMPLE_DIR).filter((f) => f.endsWith('.txt')).sort()) {
    for (const line of readFileSync(join(EXAMPLE_DIR, file), 'utf8').split('\n')) {
      if (line.length < 80 || !/[.”"]$/.test(line)) continue;
      for (const s of line.split(/(?<=[.!?][”"]?)\s+(?=[A-Z“"])/)) if (s.length > 30) sentences.push(s.trim());
    }
  }
  return sentences;
}

/** A paragraph of a few example sentences, with one sentence that names the input so that every input's text is its own (ingest stores the same text once). */
function paragraphs(sentences: string[], random: () => number, count: number, tag: string): string[] {
  const out: string[] = [`Corpus input ${tag} was written for the hostile test on a quiet Tuesday.`];
  for (let p = 0; p < count; p++) {
    const n = 3 + Math.floor(random() * 3);
    out.push(Array.from({ length: n }, () => sentences[Math.floor(random() * sentences.length)]!).join(' '));
  }
  return out;
}

const MARKER = 'Café owners in Zürich said the naïve “harbour plan” would fail before winter.';
const MARKER_CHECK = 'Café owners in Zürich';

/** windows-1252 bytes of text made of Latin-1 letters and the curly quotes. */
function cp1252(text: string): Buffer {
  const high: Record<string, number> = { '“': 0x93, '”': 0x94, '‘': 0x91, '’': 0x92, '—': 0x97, '–': 0x96, '€': 0x80 };
  return Buffer.from(Array.from(text, (c) => high[c] ?? (c.charCodeAt(0) <= 0xff ? c.charCodeAt(0) : 0x3f)));
}

function htmlPage(title: string, body: string, head = ''): string {
  return `<!DOCTYPE html>\n<html><head>${head}<title>${title}</title></head>\n<body><article><h1>${title}</h1>\n${body}\n</article></body></html>\n`;
}

function randomBytes(random: () => number, n: number): Buffer {
  const bytes = Buffer.alloc(n);
  for (let i = 0; i < n; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

function randomLetters(random: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(97 + Math.floor(random() * 26));
  return s;
}

/** Writes the corpus into `dir` (emptied first) and returns its manifest, also written as manifest.json. */
export function makeCorpus(dir = DEFAULT_CORPUS_DIR): Manifest {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(SEED);
  const sentences = exampleSentences();
  const entries: CorpusEntry[] = [];
  const add = (entry: CorpusEntry, content: string | Buffer): void => {
    writeFileSync(join(dir, entry.file), content);
    entries.push(entry);
  };
  const text = (tag: string, count = 3): string => paragraphs(sentences, random, count, tag).join('\n\n') + '\n';
  const tagged = (tag: string): string => `Corpus input ${tag} was written`;

  // --- a good article, so that a batch always has something that must come out
  add({ name: 'plain-article', file: 'plain-article.txt', what: 'an ordinary article', group: 'batch', outputs: single(ok(tagged('plain-article'))) }, text('plain-article', 6));

  // --- binary junk
  const junk = (magic: number[]): Buffer => Buffer.concat([Buffer.from(magic), randomBytes(random, 4096)]);
  add({ name: 'png-header', file: 'png-header.html', what: 'PNG magic number, named .html', group: 'batch', outputs: single(error('binary input \\(a PNG image\\)')) }, junk([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  add({ name: 'zip-header', file: 'zip-header.txt', what: 'ZIP magic number, named .txt', group: 'batch', outputs: single(error('binary input \\(a ZIP archive')) }, junk([0x50, 0x4b, 0x03, 0x04]));
  add({ name: 'elf-header', file: 'elf-header.md', what: 'ELF magic number, named .md', group: 'batch', outputs: single(error('binary input \\(an executable')) }, junk([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]));
  add({ name: 'random-bytes', file: 'random-bytes.txt', what: '64 KB of seeded random bytes', group: 'batch', outputs: single(error('binary input')) }, randomBytes(random, 65536));
  add({ name: 'random-bytes-gz', file: 'random-bytes.html.gz', what: 'gzip of random bytes', group: 'batch', outputs: single(error('binary input')) }, gzipSync(randomBytes(random, 16384)));

  // --- empty and nearly empty
  add({ name: 'empty', file: 'empty.txt', what: 'zero bytes', group: 'batch', outputs: single(error('^empty input')) }, '');
  add({ name: 'whitespace', file: 'whitespace.txt', what: 'spaces, tabs, CR/LF, no-break and em spaces', group: 'batch', outputs: single(error('empty input')) }, ' \t\r\n \u00a0\u2003\u3000\n\n\t ');
  add({ name: 'nul-bytes', file: 'nul-bytes.txt', what: 'article text with NUL bytes in it', group: 'batch', outputs: single(error('NUL')) }, text('nul-bytes').replace(/ the /g, ' the\0'));

  // --- encodings
  const encoded = (tag: string): string => `${MARKER}\n\n${text(tag)}`;
  const brokenUtf8 = Buffer.concat([Buffer.from(encoded('broken-utf8')), Buffer.from([0xc3, 0x28, 0x20, 0xff, 0xfe, 0x20, 0xe2, 0x82, 0x0a, 0xf0, 0x9f, 0x98])]);
  add({ name: 'broken-utf8', file: 'broken-utf8.txt', what: 'UTF-8 text ending in invalid and truncated sequences', group: 'batch', outputs: single(ok(tagged('broken-utf8'))) }, brokenUtf8);
  add({ name: 'utf16le-bom', file: 'utf16le-bom.txt', what: 'UTF-16LE with a byte-order mark', group: 'batch', outputs: single(ok(MARKER_CHECK, tagged('utf16le-bom'))) }, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(encoded('utf16le-bom'), 'utf16le')]));
  add({ name: 'utf16be-bom', file: 'utf16be-bom.txt', what: 'UTF-16BE with a byte-order mark', group: 'batch', outputs: single(ok(MARKER_CHECK, tagged('utf16be-bom'))) }, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(encoded('utf16be-bom'), 'utf16le').swap16()]));
  add({ name: 'utf16le-nobom', file: 'utf16le-nobom.txt', what: 'UTF-16LE without a byte-order mark (every other byte NUL)', group: 'batch', outputs: single({ kind: 'either', contains: [MARKER_CHECK] }) }, Buffer.from(encoded('utf16le-nobom'), 'utf16le'));
  add({ name: 'cp1252-declared', file: 'cp1252-declared.html', what: 'windows-1252 page declaring it', group: 'batch', outputs: single(ok(MARKER_CHECK, '“harbour plan”', tagged('cp1252-declared'))) },
    cp1252(htmlPage('Harbour plan divides the town council', `<p>${MARKER}</p>\n${text('cp1252-declared').split('\n\n').map((p) => `<p>${p}</p>`).join('\n')}`, '<meta charset="windows-1252">')));
  add({ name: 'cp1252-undeclared', file: 'cp1252-undeclared.txt', what: 'windows-1252 text, nothing declared', group: 'batch', outputs: single(ok(MARKER_CHECK, '“harbour plan”', tagged('cp1252-undeclared'))) }, cp1252(encoded('cp1252-undeclared')));
  add({ name: 'declared-latin1-is-utf8', file: 'declared-latin1-is-utf8.html', what: 'declares iso-8859-1, bytes are UTF-8 (UTF-8 wins)', group: 'batch', outputs: single(ok(MARKER_CHECK, tagged('declared-latin1-is-utf8'))) },
    htmlPage('Harbour plan divides the town council', `<p>${MARKER}</p>\n${text('declared-latin1-is-utf8').split('\n\n').map((p) => `<p>${p}</p>`).join('\n')}`, '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'));
  add({ name: 'declared-utf8-is-cp1252', file: 'declared-utf8-is-cp1252.html', what: 'declares utf-8, bytes are windows-1252', group: 'batch', outputs: single(ok(MARKER_CHECK, tagged('declared-utf8-is-cp1252'))) },
    cp1252(htmlPage('Harbour plan divides the town council', `<p>${MARKER}</p>\n${text('declared-utf8-is-cp1252').split('\n\n').map((p) => `<p>${p}</p>`).join('\n')}`, '<meta charset="utf-8">')));
  add({ name: 'declared-bogus-charset', file: 'declared-bogus-charset.html', what: 'declares charset "x-no-such-thing", bytes windows-1252', group: 'batch', outputs: single(ok(MARKER_CHECK, tagged('declared-bogus-charset'))) },
    cp1252(htmlPage('Harbour plan divides the town council', `<p>${MARKER}</p>\n${text('declared-bogus-charset').split('\n\n').map((p) => `<p>${p}</p>`).join('\n')}`, '<meta charset="x-no-such-thing">')));

  // --- gzip
  const bombPlain = Buffer.alloc(30 * MB, '<p>aaaa aaaa aaaa.</p>\n');
  add({ name: 'gzip-bomb', file: 'gzip-bomb.html.gz', what: `${Math.round(gzipSync(bombPlain, { level: 9 }).length / 1024)} KB gzip inflating to 30 MB`, group: 'batch', outputs: single(error('decompresses to more than')) }, gzipSync(bombPlain, { level: 9 }));
  add({ name: 'gzip-truncated', file: 'gzip-truncated.txt.gz', what: 'gzip cut in the middle', group: 'batch', outputs: single(error('broken gzip')) }, gzipSync(Buffer.from(text('gzip-truncated'))).subarray(0, 60));
  add({ name: 'gz-not-gzip', file: 'gz-not-gzip.txt.gz', what: 'named .gz, plain text inside', group: 'batch', outputs: single(error('not gzip')) }, text('gz-not-gzip'));
  add({ name: 'gzip-of-gzip', file: 'gzip-of-gzip.txt.gz', what: 'gzip of a gzip file', group: 'batch', outputs: single({ kind: 'either', contains: [tagged('gzip-of-gzip')] }) }, gzipSync(gzipSync(Buffer.from(text('gzip-of-gzip')))));

  // --- size
  {
    const para = `<div class="c"><p>${sentences.slice(0, 4).join(' ')}</p></div>\n`;
    const body = para.repeat(Math.ceil((50 * MB) / para.length));
    add({ name: 'page-50mb', file: 'page-50mb.html', what: '50 MB page (over the 20 MB default)', group: 'solo', outputs: single(error('over the 20 MB limit')), commands: ['extract', 'ingest', 'library'] }, htmlPage('A very long page', body));
  }
  {
    // a space between the elements: a million one-letter words, not one word of a million letters (that is word-100k's case)
    const spans = '<span>a</span> '.repeat(Math.ceil((15 * MB) / 15));
    // issue 10 item 9: 1.1-2.0 GB and over 60 s today
  add({ name: 'tiny-elements-15mb', file: 'tiny-elements-15mb.html', what: '15 MB page of <span>a</span> (under the limit)', group: 'solo', outputs: single({ kind: 'either' }), budgetMB: 1536 },
      htmlPage('Tiny elements', `<p>${tagged('tiny-elements-15mb')} the day the page grew.</p><div>${spans}</div>`));
  }

  // --- structure
  add({ name: 'nesting-100k', file: 'nesting-100k.html', what: '100,000 nested <div>s', group: 'batch', outputs: single(error('nest')) }, `<html><body>${'<div>'.repeat(100_000)}<p>deep</p>${'</div>'.repeat(100_000)}</body></html>`);
  add({ name: 'unclosed-tags', file: 'unclosed-tags.html', what: 'no tag closed', group: 'batch', outputs: single(ok(tagged('unclosed-tags'))) },
    `<html><head><title>Unclosed</title><body><div class="story"><article>${text('unclosed-tags', 5).split('\n\n').map((p) => `<p>${p}<span><b><i>`).join('\n')}<div><table><tr><td>`);
  {
    const attrs = Array.from({ length: 10_000 }, (_, i) => `data-a${i}="v${i}"`).join(' ');
    add({ name: 'attributes-10k', file: 'attributes-10k.html', what: '10,000 attributes on one element', group: 'batch', outputs: single(ok(tagged('attributes-10k'))) },
      htmlPage('Ten thousand attributes', `<div ${attrs}>${text('attributes-10k', 5).split('\n\n').map((p) => `<p ${attrs.slice(0, 2000)}>${p}</p>`).join('\n')}</div>`));
  }
  add({ name: 'script-style-only', file: 'script-style-only.html', what: 'only <script> and <style>', group: 'batch', outputs: single(error('no article text')) },
    `<html><head><style>body { color: red } p::after { content: "The council met on Tuesday and voted to close the harbour." }</style></head><body><script>document.write("The council met on Tuesday and voted to close the harbour. ".repeat(40))</script><style>.x{}</style><noscript></noscript></body></html>`);
  add({ name: 'hostile-html', file: 'hostile-html.html', what: 'script in body, on* handlers, javascript: links, <iframe srcdoc>, meta refresh', group: 'batch',
    outputs: single({ kind: 'ok', contains: [tagged('hostile-html'), 'the harbour report'], absent: ['alert(', '<script', 'javascript:', 'srcdoc', 'onerror', 'steal()'] }) },
    htmlPage('Council closes the harbour after a vote', [
      '<script>alert("in body"); steal()</script>',
      `<p onclick="alert(1)" onmouseover="steal()">${text('hostile-html', 2).split('\n\n').join('</p>\n<p>')}</p>`,
      '<p>Read <a href="javascript:alert(document.cookie)">the harbour report</a> in full, and <a href="JaVaScRiPt:steal()" onfocus="steal()">the minutes</a>.</p>',
      '<img src="x" onerror="alert(2)"><svg onload="alert(3)"><script>alert(4)</script></svg>',
      '<iframe srcdoc="&lt;script&gt;alert(5)&lt;/script&gt;&lt;p&gt;Framed text&lt;/p&gt;"></iframe>',
      `<p>${sentences.slice(5, 9).join(' ')}</p>`,
      '<form action="javascript:steal()"><input onfocus="alert(6)" autofocus></form><object data="javascript:alert(7)"></object>',
    ].join('\n'), '<meta http-equiv="refresh" content="0; url=javascript:alert(8)"><meta http-equiv="refresh" content="0; url=https://evil.example/">'));

  // --- long words and long lines
  {
    const word = randomLetters(random, 100_000);
    // issue 10 item 2: analyze and ingest hang today (the stemmer is quadratic in word length)
    add({ name: 'word-100k', file: 'word-100k.txt', what: 'a 100,000-letter word in a sentence', group: 'solo', outputs: single(ok(tagged('word-100k'))) },
      `${text('word-100k')}\nThe committee said the word ${word} appeared in the minutes.\n\n${sentences.slice(10, 14).join(' ')}\n`);
  }
  {
    const token = `Q${randomLetters(random, 49_999)}`;
    // issue 10 item 3: analyze fails with "Invalid regular expression" today (entity linking builds a regex from names)
    add({ name: 'capitalised-50k', file: 'capitalised-50k.txt', what: 'a 50,000-character capitalised token', group: 'solo', outputs: single(ok(tagged('capitalised-50k'))) },
      `${text('capitalised-50k')}\n${token} said on Tuesday that the harbour would close. Officials met ${token} again on Friday.\n\n${sentences.slice(14, 18).join(' ')}\n`);
  }
  {
    const parts: string[] = [`${tagged('text-5mb')} from the example's sentences.`];
    let size = 0;
    while (size < 5 * MB) {
      const p = Array.from({ length: 4 }, () => sentences[Math.floor(random() * sentences.length)]!).join(' ');
      parts.push(p);
      size += p.length + 2;
    }
    // issue 10 item 2: analyze hangs today (plain-text analysis grows faster than linearly)
    add({ name: 'text-5mb', file: 'text-5mb.txt', what: '5 MB of real sentences in paragraphs', group: 'solo', outputs: single(ok(tagged('text-5mb'))), budgetMB: 1536 }, parts.join('\n\n') + '\n');
  }
  {
    const parts: string[] = [`${tagged('line-2mb')} on one line.`];
    let size = 0;
    while (size < 2 * MB) {
      const s = sentences[Math.floor(random() * sentences.length)]!;
      parts.push(s);
      size += s.length + 1;
    }
    // issue 10 item 2: analyze hangs today
    add({ name: 'line-2mb', file: 'line-2mb.txt', what: 'one line of 2 MB (sentences)', group: 'solo', outputs: single(ok(tagged('line-2mb'))), budgetMB: 1024 }, parts.join(' ') + '\n');
  }

  // not in issue 10 (found by test/regex-safety.test.ts): /[:.!…\s]+$/ in boilerplateKind backtracks
  // quadratically on a run of ". ": 100 KB takes 11 s to extract, this one runs past a minute
  add({ name: 'dots-line-400k', file: 'dots-line-400k.txt', what: 'one 400 KB line of ". " after a sentence', group: 'solo', outputs: single({ kind: 'either', contains: [tagged('dots-line-400k')] }), commands: ['extract'] },
    `${text('dots-line-400k')}\n${'. '.repeat(200_000)}x\n\n${sentences.slice(20, 23).join(' ')}\n`);

  // --- texts of one kind of character
  const lines = (alphabet: string, n: number): string =>
    Array.from({ length: n }, () => Array.from({ length: 40 + Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')).join('\n') + '\n';
  add({ name: 'only-quotes', file: 'only-quotes.txt', what: 'only quotation marks', group: 'batch', outputs: single({ kind: 'either' }) }, lines(`"'“”‘’„‚«»‹›「」『』 `, 300));
  add({ name: 'only-digits', file: 'only-digits.txt', what: 'only digits', group: 'batch', outputs: single({ kind: 'either' }) }, lines('0123456789 ', 300));
  add({ name: 'only-punctuation', file: 'only-punctuation.txt', what: 'only punctuation', group: 'batch', outputs: single({ kind: 'either' }) }, lines('.,;:!?-–—…()[]{}/\\*&%$#@^~`|<>= ', 300));

  // --- Unicode edges
  add({ name: 'rtl-zero-width', file: 'rtl-zero-width.txt', what: 'Arabic, Hebrew, bidi overrides, zero-width characters', group: 'batch', outputs: single(ok(tagged('rtl-zero-width'))) },
    `${text('rtl-zero-width')}\nقال المتحدث باسم الحكومة إن الخطة ستُناقش الأسبوع المقبل.\n\nאמר דובר הממשלה כי התוכנית תידון בשבוע הבא.\n\nThe mayor\u200b said\u200d the \u202egnirts desrever\u202c plan\u200c was\u2060 final\ufeff and \u2066isolated\u2069 text \u061c stays.\n`);
  add({ name: 'emoji-combining', file: 'emoji-combining.txt', what: 'emoji (ZWJ sequences, flags, skin tones) and stacked combining marks', group: 'batch', outputs: single(ok(tagged('emoji-combining'))) },
    `${text('emoji-combining')}\nThe mayor 👩🏽‍⚕️ and 🇲🇽 🇺🇸 officials met 👨‍👩‍👧‍👦 families. Z\u0351\u0358\u0301a\u0300\u0301\u0302\u0303l\u0304\u0305\u0306\u0307g\u0308\u0309\u030a\u030bo said: “n\u0303o\u0308 way”.\n\n${'e\u0301'.repeat(200)} ${'\u0300'.repeat(300)}\n`);
  add({ name: 'cesu-surrogates', file: 'cesu-surrogates.txt', what: 'UTF-8-encoded surrogate halves (invalid UTF-8)', group: 'batch', outputs: single(ok(tagged('cesu-surrogates'))) },
    Buffer.concat([Buffer.from(text('cesu-surrogates')), Buffer.from([0xed, 0xa0, 0x80, 0x20, 0xed, 0xbf, 0xbf, 0x0a])]));
  add({ name: 'lone-surrogates', file: 'lone-surrogates.json', what: 'a JSON record whose text holds lone surrogates', group: 'batch', outputs: single(ok(tagged('lone-surrogates'))) },
    `{"title": "Lone \\ud800 surrogates", "text": ${JSON.stringify(text('lone-surrogates')).replace(/ the /g, ' \\udc00the\\ud83d ')}}\n`);
  // issue 10 item 5: aborts a PostgreSQL ingest today
  add({ name: 'nul-in-record', file: 'nul-in-record.json', what: 'a JSON record with NUL characters in its title and text', group: 'batch', outputs: single(ok(tagged('nul-in-record'))) },
    `{"title": "Harbour\\u0000closes", "outlet": "Nul\\u0000Times", "text": ${JSON.stringify(text('nul-in-record')).replace(/ the /g, ' the\\u0000 ')}}\n`);

  // --- JSON and JSON Lines
  add({ name: 'json-deep-array', file: 'json-deep-array.json', what: '100,000 nested arrays', group: 'batch', outputs: single(error('JSON|record')) }, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  add({ name: 'json-deep-object', file: 'json-deep-object.json', what: '100,000 nested objects', group: 'batch', outputs: single(error('JSON|record|"text"')) }, `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
  add({ name: 'json-malformed', file: 'json-malformed.json', what: 'an unterminated JSON string', group: 'batch', outputs: single(error('not valid JSON')) }, '{"title": "Harbour", "text": "The council met on Tuesday and');
  add({ name: 'jsonl-mixed', file: 'jsonl-mixed.jsonl', what: 'JSON Lines: good records among a broken line, an array, a number text', group: 'batch',
    outputs: [
      { suffix: '#1', expect: ok(tagged('jsonl-1')) },
      { suffix: '#2', expect: error('not valid JSON') },
      { suffix: '#3', expect: ok(tagged('jsonl-3')) },
      { suffix: '#4', expect: error('JSON object') },
      { suffix: '#5', expect: error('neither') },
      { suffix: '#7', expect: ok(tagged('jsonl-7')) },
    ] },
    [
      JSON.stringify({ title: 'Harbour closes', outlet: 'First Outlet', text: text('jsonl-1') }),
      '{"title": "broken", "text": "The council',
      JSON.stringify({ title: 'Harbour closes again', outlet: 'Second Outlet', text: text('jsonl-3') }),
      '[1, 2, 3]',
      '{"text": 42, "title": "numbers"}',
      '',
      JSON.stringify({ html: `<html><body><article><p>${text('jsonl-7').split('\n\n').join('</p><p>')}</p></article></body></html>`, url: 'https://example.org/harbour' }),
    ].join('\n') + '\n');
  add({ name: 'json-wrong-types', file: 'json-wrong-types.json', what: 'records with fields of the wrong type', group: 'batch',
    outputs: [
      { suffix: '#1', expect: error('neither') },
      { suffix: '#2', expect: ok(tagged('wrong-types-2')) },
      { suffix: '#3', expect: ok(tagged('wrong-types-3')) },
      { suffix: '#4', expect: error('JSON object') },
      { suffix: '#5', expect: error('JSON object') },
      { suffix: '#6', expect: error('neither') },
    ] },
    JSON.stringify([
      { text: 5, html: ['<p>x</p>'] },
      { text: text('wrong-types-2'), title: {}, outlet: 7, author: ['a'], publishedAt: 12345, url: false },
      { html: null, text: text('wrong-types-3') },
      null,
      'a string',
      { text: { nested: 'object' } },
    ]));

  // --- file names
  // issue 10 item 13: the newline injects Markdown into the brief today
  add({ name: 'name-newline-markdown', file: 'name-newline\n# Injected heading\n[click](javascript:alert(1)).txt', what: 'a good article whose file name holds newlines and Markdown', group: 'batch', outputs: single(ok(tagged('name-newline-markdown'))) }, text('name-newline-markdown'));
  // issue 10 item 13: the failure line breaks in two today
  add({ name: 'name-newline-empty', file: 'empty-name\n# Injected.txt', what: 'an empty file whose name holds a newline', group: 'batch', outputs: single(error('empty input')) }, '');
  add({ name: 'name-markdown', file: '**bold** _em_ [link](https:evil) `code` <b>x<b>.md', what: 'a good article whose file name is Markdown and HTML', group: 'batch', outputs: single(ok(tagged('name-markdown'))) }, text('name-markdown'));

  const manifest: Manifest = { version: CORPUS_VERSION, entries };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The corpus in `dir`, made (again) when missing or of another version. */
export function ensureCorpus(dir = DEFAULT_CORPUS_DIR): Manifest {
  const file = join(dir, 'manifest.json');
  if (existsSync(file)) {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    if (manifest.version === CORPUS_VERSION && manifest.entries.every((e) => existsSync(join(dir, e.file)))) return manifest;
  }
  return makeCorpus(dir);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = resolve(process.argv[2] ?? DEFAULT_CORPUS_DIR);
  const manifest = makeCorpus(dir);
  process.stdout.write(`Wrote ${manifest.entries.length} hostile inputs to ${dir}\n`);
}
