// Reads a CheckThat! check-worthiness file: tab-separated Sentence_id, Text, class_label (Yes/No),
// a header first; texts may hold quoted tabs-free fields with doubled quotation marks.
import { readFileSync } from 'node:fs';

export interface LabelledSentence {
  id: string;
  text: string;
  yes: boolean;
}

export function readCheckworthy(file: string): LabelledSentence[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((f) => f.length >= 3 && (f[2] === 'Yes' || f[2] === 'No'))
    .map((f) => ({ id: f[0]!, text: f[1]!.replace(/^"(.*)"$/s, '$1').replace(/""/g, '"'), yes: f[2] === 'Yes' }));
}
