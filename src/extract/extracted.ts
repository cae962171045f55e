// The extractors' common output before it becomes an Article: typed blocks of body text,
// labelled removed text and the metadata found on the way.
import type { Document } from 'domhandler';
import type { BlockKind, Removed } from '../model.ts';

export interface BodyBlock {
  kind: BlockKind;
  text: string;
}

export interface FoundMetadata {
  title: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
}

export interface Extracted {
  blocks: BodyBlock[];
  removed: Removed[];
  metadata: FoundMetadata;
  /** The parsed page (HTML only), kept so that the page type is read without parsing it again. */
  document?: Document;
}

export const NO_METADATA: FoundMetadata = Object.freeze({
  title: null,
  outlet: null,
  author: null,
  publishedAt: null,
  url: null,
});
