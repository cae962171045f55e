// One Readability.js run over a folder of `html/<id>.html.gz` pages (Zyte or WCXB layout), for
// bench/extraction.ts: prints the predictions, the seconds spent parsing and extracting, and this process's peak memory.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { decodeBytes } from '../src/ingest/decode-text.ts';

async function main(): Promise<void> {
  const [tool, dir] = process.argv.slice(2) as [string, string];
  const files = readdirSync(join(dir, 'html')).filter((f) => f.endsWith('.html.gz')).sort();
  const pages = files.map((f) => [f.replace(/\.html\.gz$/, ''), decodeBytes(gunzipSync(readFileSync(join(dir, 'html', f)))).text] as const);
  const { parseHTML } = await import('linkedom');
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const quiet = new VirtualConsole();
  const predictions: Record<string, string> = {};
  const started = performance.now();
  for (const [id, html] of pages) {
    try {
      if (tool === 'readability-linkedom') {
        const { document } = parseHTML(html);
        predictions[id] = new Readability(document as unknown as Document).parse()?.textContent ?? '';
      } else {
        const dom = new JSDOM(html, { virtualConsole: quiet });
        predictions[id] = new Readability(dom.window.document).parse()?.textContent ?? '';
        dom.window.close();
        // jsdom keeps pages alive until the event loop turns
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch {
      predictions[id] = '';
    }
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(JSON.stringify({ predictions, seconds, peakMB: process.resourceUsage().maxRSS / 1024 }));
}

await main();
