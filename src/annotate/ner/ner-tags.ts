// The tagger's label set (BIO over persons, organisations, places and other names) and the
// title words that precede names without being part of them.

export const NER_TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type NerTag = (typeof NER_TAGS)[number];

/** Titles and roles that stand before a name ("President", "Gen.", "Prime Minister"). */
export const TITLE_WORDS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'president', 'vice', 'prime', 'minister', 'secretary', 'general', 'gen',
  'senator', 'sen', 'governor', 'gov', 'representative', 'rep', 'congressman', 'congresswoman', 'king', 'queen', 'prince', 'princess',
  'pope', 'chancellor', 'premier', 'chairman', 'chairwoman', 'chief', 'ambassador', 'judge', 'justice', 'commander', 'lieutenant',
  'lt', 'colonel', 'col', 'major', 'maj', 'captain', 'capt', 'sergeant', 'sgt', 'admiral', 'adm', 'sheikh', 'ayatollah', 'cardinal',
  'bishop', 'archbishop', 'rev', 'reverend', 'father', 'sir', 'lord', 'lady', 'dame', 'mayor', 'spokesman', 'spokeswoman', 'foreign',
  'defense', 'defence', 'interior', 'finance', 'deputy', 'acting', 'former', 'opposition', 'leader', 'envoy', 'attorney', 'emir',
  'crown', 'sultan', 'imam', 'rabbi', 'saint', 'st', 'officer', 'agent', 'coach', 'director', 'speaker', 'first', 'lady',
]);
