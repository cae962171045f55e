// A story's dossier computed off the server's event loop: a worker thread takes the articles and
// their kept annotations (as JSON) and sends back the dossier as JSON, byte for byte what
// `triangulate dossier` writes, with the annotations it had to make.
import { parentPort } from 'node:worker_threads';
import { analyzeWithKept } from '../dossier/stored-annotations.ts';
import type { Article } from '../model.ts';
import { renderJson } from '../render/render-json.ts';

parentPort!.on('message', (message: { id: number; articles: string; kept: Array<[string, string]>; version: string }) => {
  try {
    const { dossier, fresh } = analyzeWithKept(JSON.parse(message.articles) as Article[], new Map(message.kept), message.version);
    parentPort!.postMessage({ id: message.id, json: renderJson(dossier), fresh });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: (error as Error).message });
  }
});
