// The thread that computes dossiers for the server (analyze-worker.ts), one at a time: a story of
// 200 articles takes seconds, during which the server goes on answering. Started on first use,
// ended with the server.
import { Worker } from 'node:worker_threads';
import type { Article } from '../model.ts';
import type { KeptAnnotations } from '../store/store.ts';

export interface Analysed {
  json: string;
  /** The annotations made (the articles' kept ones were used). */
  fresh: KeptAnnotations[];
}

export class AnalysisThread {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, { resolve: (analysed: Analysed) => void; reject: (error: Error) => void }>();
  private next = 1;

  /** The dossier JSON of these articles, given their kept annotations (JSON by article id) made by `version`. */
  analyze(articles: readonly Article[], kept: ReadonlyMap<string, string>, version: string): Promise<Analysed> {
    const worker = this.start();
    const id = this.next++;
    // the thread keeps the process alive only while it has work
    worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, articles: JSON.stringify(articles), kept: [...kept], version });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // from the sources (tests, tsx) the worker is TypeScript too, loaded through tsx's loader
    // (a worker does not take --import in its execArgv)
    const fromSource = import.meta.url.endsWith('.ts');
    const script = new URL(fromSource ? './analyze-worker.ts' : './analyze-worker.js', import.meta.url);
    const worker = fromSource
      ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); })`, { eval: true })
      : new Worker(script);
    worker.on('message', (m: { id: number; json?: string; fresh?: KeptAnnotations[]; error?: string }) => {
      const waiting = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (this.waiting.size === 0) worker.unref();
      if (m.json !== undefined) waiting?.resolve({ json: m.json, fresh: m.fresh ?? [] });
      else waiting?.reject(new Error(m.error ?? 'analysis failed'));
    });
    const fail = (error: Error): void => {
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
      this.worker = null;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the analysis thread stopped (exit code ${code})`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
