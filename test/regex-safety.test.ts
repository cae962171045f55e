// Every regular expression in src/ checked for catastrophic backtracking (ReDoS) with recheck, and
// every regular expression built at run time accounted for. The expressions are found with the
// TypeScript compiler's parser, not a regular expression over the source: regex literals, and
// `new RegExp(…)` / `RegExp(…)` calls. A call whose pattern is a string literal is checked like a
// literal; any other pattern is dynamic and must be listed in DYNAMIC_ALLOWED below with why it is
// safe, so that a regular expression built from input text cannot come back silently.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { checkSync, type Diagnostics } from 'recheck';
import ts from 'typescript';
import { ROOT } from './helpers.ts';

const SRC = join(ROOT, 'src');

/**
 * Regular expressions whose pattern is not a literal, keyed by `file: call` (the call's source text
 * with white space collapsed). Each says where its pattern comes from and why that is safe. An
 * entry whose call is gone fails the last test, so that the list stays exact.
 */
const DYNAMIC_ALLOWED: Record<string, string> = {
  "src/framing/build-framing.ts: new RegExp(pattern.source, 'gi')":
    'the same pattern with other flags: `pattern` is one of the literal marker patterns of src/framing/markers.ts, each checked above',
  "src/framing/loaded-terms.ts: new RegExp(`\\\\b(${escaped.join('|')})\\\\b`, 'gi')":
    "built once from the committed Words-to-watch list (models/), never from input: an alternation of fixed words and phrases (spaces as \\s+) between \\b, with no nested quantifier",
  // Never to be listed: src/dossier/link-entities.ts built a pattern from entity names found in
  // the input (issue 10 item 3: a 50,000-character name, "Regular expression too large"), and
  // src/fetch/robots.ts one from robots.txt rules (issue 10 item 10: twenty wildcards
  // backtracked for 89 s).
};

/**
 * Literal patterns recheck's fuzzer calls polynomial whose cost is bounded where they are used,
 * keyed by `file: /source/flags`. Each says what bounds it; the figures are V8's time on
 * recheck's own attack string, scaled up (node, this repo, 2-core machine). A pattern is accepted
 * here only with such a bound: the fix for anything else is a rewrite.
 */
const BOUNDED: Record<string, string> = {
  [String.raw`src/extract/classify-boilerplate.ts: /^([Bb]y|BY|[Ww]ritten by|[Rr]eporting by)\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}((\s*[,&]\s*|\s+and\s+)\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3})*\s*([|,·•–—-]?\s*[^.!?]{0,60})?$/u`]:
    'BYLINE_LINE: both callers test it only on lines of at most MAX_BYLINE_WORDS (16) words; the attack scaled to 10,000 characters runs in under 1 ms',
  [String.raw`src/extract/classify-boilerplate.ts: /([\w.+-]+@[\w-]+\.[\w.]+.*\b(reach|reached|contact|email|e-mail|follow)\b|\b(reach|reached|contact|email|e-mail)\b.*[\w.+-]+@[\w-]+\.[\w.]+|\bfollow (him|her|them|us|me) on (twitter|x|facebook|instagram)\b)/i`]:
    'CONTACT: tested only on lines of at most MAX_CONTACT_CHARS (260) characters',
  [String.raw`src/extract/classify-boilerplate.ts: /^[—–-]{1,2}\s*[^\n]{1,100}?\(@\w{1,30}\)\s*(?:on\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|\d{4}-\d{2}-\d{2})\s*$/`]:
    'EMBED_ATTRIBUTION: anchored at the start, the text before the handle at most 100 characters; the attack at 13,000 characters runs in 4 ms',
  [String.raw`src/extract/classify-boilerplate.ts: /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[,.]?\s*([^,|.][^,|]{1,60}?)(?:\s*(?:[,|]|\.\s|all rights reserved|$))/i`]:
    'outletFromFooter: white space collapsed first, the name at most 61 characters; the attack grows linearly in V8 (33,000 characters 69 ms, 132,000 characters 315 ms)',
};

interface FoundRegex {
  file: string;
  line: number;
  /** The pattern, when it is a literal. */
  source: string | null;
  flags: string;
  /** `file: call` for a dynamic one. */
  key: string | null;
  code: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []))
    .sort();
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ');

/**
 * The string an expression always evaluates to, when it is made of literals only: string and
 * template literals, `String.raw`, `+`, and constants of the same file declared with such an
 * initialiser. Null for anything that depends on run time.
 */
function constantText(node: ts.Node | undefined, constants: ReadonlyMap<string, ts.Expression>, depth = 0): string | null {
  if (!node || depth > 20) return null;
  const fold = (n: ts.Node): string | null => constantText(n, constants, depth + 1);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return fold(node.expression);
  if (ts.isIdentifier(node)) {
    const init = constants.get(node.text);
    return init ? fold(init) : null;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = fold(node.left);
    const right = left === null ? null : fold(node.right);
    return left === null || right === null ? null : left + right;
  }
  const isRaw = ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'String.raw';
  const template = ts.isTaggedTemplateExpression(node) ? (isRaw ? node.template : null) : ts.isTemplateExpression(node) ? node : null;
  if (!template) return null;
  const piece = (p: ts.TemplateLiteralLikeNode): string | null => (isRaw ? (p.rawText ?? null) : p.text);
  if (ts.isNoSubstitutionTemplateLiteral(template)) return piece(template);
  let out = piece(template.head);
  for (const span of template.templateSpans) {
    const value = fold(span.expression);
    const literal = piece(span.literal);
    if (out === null || value === null || literal === null) return null;
    out += value + literal;
  }
  return out;
}

/** Constants of a file: `const NAME = <expression>`; a name declared twice (in two scopes) is left out, since which one is meant is not known here. */
function constantsOf(sf: ts.SourceFile): Map<string, ts.Expression> {
  const constants = new Map<string, ts.Expression>();
  const declared = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
      declared.set(node.name.text, (declared.get(node.name.text) ?? 0) + 1);
      if (node.initializer && ts.isVariableDeclarationList(node.parent) && node.parent.flags & ts.NodeFlags.Const) constants.set(node.name.text, node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  for (const [name, count] of declared) if (count > 1) constants.delete(name);
  return constants;
}

function findRegexes(path: string): FoundRegex[] {
  const file = relative(ROOT, path);
  const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: FoundRegex[] = [];
  const constants = constantsOf(sf);
  const lineOf = (node: ts.Node): number => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText(sf);
      const slash = text.lastIndexOf('/');
      found.push({ file, line: lineOf(node), source: text.slice(1, slash), flags: text.slice(slash + 1), key: null, code: text });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const [patternArg, flagsArg] = node.arguments ?? [];
      const pattern = constantText(patternArg, constants);
      const flags = constantText(flagsArg, constants);
      const code = collapse(node.getText(sf));
      if (pattern !== null && (flagsArg === undefined || flags !== null)) found.push({ file, line: lineOf(node), source: pattern, flags: flags ?? '', key: null, code });
      else found.push({ file, line: lineOf(node), source: null, flags: flags ?? '?', key: `${file}: ${code}`, code });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const regexes = sourceFiles(SRC).flatMap(findRegexes);
const literals = regexes.filter((r) => r.source !== null);
const dynamic = regexes.filter((r) => r.key !== null);

/**
 * recheck picks its automaton checker where the pattern allows it (exact), fuzzing with a fixed
 * seed otherwise. Each check is bounded; one that runs out is listed as undecided, not failed. The
 * bound is generous (the slowest of our patterns takes 2-4 s on a loaded 2-core machine), so that
 * a verdict does not depend on the machine's load.
 */
const PARAMS = { timeout: 15_000, randomSeed: 1 } as const;

describe('regular expressions in src/', () => {
  it('are found (the scan works)', () => {
    assert.ok(literals.length > 100, `only ${literals.length} literal regular expressions found`);
  });

  // 27 patterns were polynomial when this test was written (a run of spaces, dots, "<" or "[(" of
  // 50 KB cost seconds each); a pattern that must stay as it is gets rewritten, not excused.
  it(`none of the ${literals.length} literal ones can backtrack catastrophically (recheck)`, (t) => {
    const vulnerable: string[] = [];
    const unknown: string[] = [];
    // the same pattern in several places is checked once
    const results = new Map<string, Diagnostics>();
    for (const r of literals) {
      const id = `/${r.source}/${r.flags}`;
      let result = results.get(id);
      if (!result) {
        result = checkSync(r.source!, r.flags.replace(/[gy]/g, ''), PARAMS);
        results.set(id, result);
      }
      if (result.status === 'vulnerable' && BOUNDED[`${r.file}: ${id}`] !== undefined) {
        t.diagnostic(`bounded: ${r.file}:${r.line} ${result.complexity.summary}; ${BOUNDED[`${r.file}: ${id}`]}`);
      } else if (result.status === 'vulnerable') {
        vulnerable.push(`${r.file}:${r.line} ${r.code.length > 160 ? `${r.code.slice(0, 160)}…` : r.code}\n      ${result.complexity.summary}; attack: ${result.attack.pattern}`);
      } else if (result.status === 'unknown') {
        unknown.push(`${r.file}:${r.line} ${r.code.slice(0, 160)}: ${result.error.kind}${'message' in result.error ? ` (${result.error.message})` : ''}`);
      }
    }
    t.diagnostic(`${results.size} distinct patterns checked; ${vulnerable.length} vulnerable, ${unknown.length} undecided`);
    for (const u of unknown) t.diagnostic(`undecided: ${u}`);
    assert.deepEqual(vulnerable, [], `\n${vulnerable.map((v) => `  - ${v}`).join('\n')}`);
  });

  // issue 10 item 3 (entity linking, src/dossier/link-entities.ts) and item 10 (robots.txt rules,
  // src/fetch/robots.ts) built patterns from input.
  it('every regular expression built at run time is listed with why it is safe', (t) => {
    for (const d of dynamic) t.diagnostic(`dynamic: ${d.file}:${d.line} ${d.code.slice(0, 200)}`);
    const unlisted = dynamic.filter((d) => !(d.key! in DYNAMIC_ALLOWED)).map((d) => `${d.file}:${d.line} ${d.code.length > 200 ? `${d.code.slice(0, 200)}…` : d.code}`);
    assert.deepEqual(unlisted, [], `\nregular expressions built from non-literal patterns (build them from input text and a long name is a 10 MB regex; list a safe one in DYNAMIC_ALLOWED):\n${unlisted.map((u) => `  - ${u}`).join('\n')}`);
  });

  it('the list of bounded ones names no pattern that is gone', () => {
    const present = new Set(literals.map((r) => `${r.file}: /${r.source}/${r.flags}`));
    assert.deepEqual(Object.keys(BOUNDED).filter((k) => !present.has(k)), []);
  });

  it('the list of dynamic ones names no call that is gone', () => {
    const keys = new Set(dynamic.map((d) => d.key));
    assert.deepEqual(Object.keys(DYNAMIC_ALLOWED).filter((k) => !keys.has(k)), []);
  });
});
