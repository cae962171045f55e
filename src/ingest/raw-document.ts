// What ingest hands to extraction: decoded text of one article, its format and what the
// input itself said about it.

export type SourceFormat = 'html' | 'text' | 'markdown';

/** Metadata supplied by the input (a JSON record's fields), trusted over what extraction guesses. */
export interface MetadataHints {
  url: string | null;
  outlet: string | null;
  title: string | null;
  author: string | null;
  publishedAt: string | null;
}

export interface RawDocument {
  /** The input as the user gave it; a file found in a directory or a record adds to it. */
  source: string;
  format: SourceFormat;
  content: string;
  encoding: string;
  hints: MetadataHints;
}

export const NO_HINTS: MetadataHints = Object.freeze({
  url: null,
  outlet: null,
  title: null,
  author: null,
  publishedAt: null,
});
