// A story's dossier computed off the server's event loop: a worker thread takes the articles
// (as JSON) and sends back the dossier as JSON, byte for byte what `triangulate dossier` writes.
import { parentPort } from 'node:worker_threads';
import type { Article } from '../model.ts';
import { analyzeArticles } from '../pipeline.ts';
import { renderJson } from '../render/render-json.ts';

parentPort!.on('message', (message: { id: number; articles: string }) => {
  try {
    const dossier = analyzeArticles(JSON.parse(message.articles) as Article[]);
    parentPort!.postMessage({ id: message.id, json: renderJson(dossier) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: (error as Error).message });
  }
});
