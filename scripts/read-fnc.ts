// Reads FNC-1 files: bodies (`Body ID,articleBody`) and stances (`Headline,Body ID,Stance`), CSV
// with quoted fields that may hold commas, doubled quotation marks and line breaks.
import { readFileSync } from 'node:fs';

export type Stance = 'agree' | 'disagree' | 'discuss' | 'unrelated';
export const STANCES: readonly Stance[] = ['agree', 'disagree', 'discuss', 'unrelated'];

export interface StancePair {
  headline: string;
  bodyId: string;
  stance: Stance;
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function readBodies(file: string): Map<string, string> {
  const rows = parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')).slice(1);
  return new Map(rows.filter((r) => r.length >= 2).map((r) => [r[0]!, r[1]!]));
}

export function readStances(file: string): StancePair[] {
  const rows = parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')).slice(1);
  return rows.filter((r) => r.length >= 3 && (STANCES as readonly string[]).includes(r[2]!)).map((r) => ({ headline: r[0]!, bodyId: r[1]!, stance: r[2] as Stance }));
}
