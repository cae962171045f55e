// JSON and JSON Lines inputs: each record with `text` or `html` is one article, with optional
// metadata fields that extraction trusts over its own guesses.
import { InputError } from '../errors.ts';
import type { MetadataHints, RawDocument } from './raw-document.ts';

export type RecordResult = { doc: RawDocument } | { error: InputError };

function stringField(record: Record<string, unknown>, ...names: string[]): string | null {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

function recordToDocument(record: unknown, source: string, encoding: string): RecordResult {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { error: new InputError(source, 'a record must be a JSON object with "text" or "html"') };
  }
  const fields = record as Record<string, unknown>;
  const html = stringField(fields, 'html');
  const text = stringField(fields, 'text');
  if (html === null && text === null) {
    return { error: new InputError(source, 'record has neither a "text" nor an "html" string') };
  }
  const hints: MetadataHints = {
    url: stringField(fields, 'url'),
    outlet: stringField(fields, 'outlet'),
    title: stringField(fields, 'title'),
    author: stringField(fields, 'author'),
    publishedAt: stringField(fields, 'publishedAt'),
  };
  const doc: RawDocument =
    html !== null
      ? { source, format: 'html', content: html, encoding, hints }
      : { source, format: 'text', content: text!, encoding, hints };
  return { doc };
}

/** A `.json` file: one record, an array of records, or `{ "articles": [...] }` as `extract` writes. */
export function readJsonRecords(json: string, source: string, encoding: string): RecordResult[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return [{ error: new InputError(source, `not valid JSON (${(error as Error).message})`) }];
  }
  const articles = (parsed as { articles?: unknown } | null)?.articles;
  const records = Array.isArray(parsed) ? parsed : Array.isArray(articles) ? articles : [parsed];
  if (records.length === 0) return [{ error: new InputError(source, 'the JSON holds no records') }];
  if (records.length === 1) return [recordToDocument(records[0], source, encoding)];
  return records.map((record, i) => recordToDocument(record, `${source}#${i + 1}`, encoding));
}

/** A `.jsonl` file: one record a line; a broken line fails alone. Sources are `file#LINE`. */
export function readJsonLines(jsonl: string, source: string, encoding: string): RecordResult[] {
  const results: RecordResult[] = [];
  const lines = jsonl.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const lineSource = `${source}#${i + 1}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      results.push({ error: new InputError(lineSource, `not valid JSON (${(error as Error).message})`) });
      continue;
    }
    results.push(recordToDocument(parsed, lineSource, encoding));
  }
  if (results.length === 0) results.push({ error: new InputError(source, 'empty input: no JSON lines') });
  return results;
}
