// The dossier as JSON: the contract's keys in their order, two-space indented, newline-terminated,
// so that the same inputs give byte-identical files.
import type { Dossier } from '../model.ts';

export function renderJson(value: Dossier | { articles: Dossier['articles'] }): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
