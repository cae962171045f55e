// Readers of the sentence-pair sets: STS Benchmark (`sts-*.csv`: tab-separated genre, file, year,
// id, score 0-5, sentence 1, sentence 2) and MSRP (`msr_paraphrase_*.txt`: a header, then quality
// 0/1, two ids, sentence 1, sentence 2).
import { readFileSync } from 'node:fs';

export interface Pair {
  a: string;
  b: string;
  /** STS: the 0-5 similarity; MSRP: 1 for a paraphrase, 0 for not. */
  score: number;
  genre: string;
}

export function readSts(file: string): Pair[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((f) => f.length >= 7 && Number.isFinite(Number(f[4])))
    .map((f) => ({ genre: f[0]!, score: Number(f[4]), a: f[5]!, b: f[6]! }));
}

export function readMsrp(file: string): Pair[] {
  return readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((f) => f.length >= 5 && (f[0] === '0' || f[0] === '1'))
    .map((f) => ({ genre: 'news', score: Number(f[0]), a: f[3]!, b: f[4]! }));
}
