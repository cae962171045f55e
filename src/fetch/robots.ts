// robots.txt: the rules of the group for our agent (or `*`), longest matching rule wins, Allow
// on a tie; `*` and `$` in paths as Google documents them. A robots.txt that cannot be fetched
// (404, network error) allows everything; one that answers 401/403 disallows everything.
// Patterns are matched by a wildcard matcher in O(path × pattern), never by a regex built from
// the file (20 `*` in one rule made a backtracking regex run for 89 s); the file is read up to
// 500 KiB (as Google does) and up to MAX_RULES rules.

/** How much of a robots.txt is read; the rest is ignored, as Google does. */
export const MAX_ROBOTS_BYTES = 500 * 1024;
/** Rules kept per file: every URL is checked against each of them. */
export const MAX_RULES = 10_000;

export interface RobotsRules {
  allow: string[];
  disallow: string[];
}

export function parseRobots(text: string, agent: string): RobotsRules {
  const groups: Array<{ agents: string[]; allow: string[]; disallow: string[] }> = [];
  let current: (typeof groups)[number] | null = null;
  let lastWasAgent = false;
  let rules = 0;
  for (const raw of text.split(/\r?\n/)) {
    const hash = raw.indexOf('#');
    const line = hash < 0 ? raw : raw.slice(0, hash);
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const field = line.slice(0, colon).trim().toLowerCase();
    if (!/^[a-z-]+$/.test(field)) continue;
    const value = line.slice(colon + 1).trim();
    if (field === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], allow: [], disallow: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current || !value || (field !== 'allow' && field !== 'disallow')) continue;
    if (++rules > MAX_RULES) break;
    (field === 'allow' ? current.allow : current.disallow).push(value);
  }
  const token = agent.toLowerCase();
  const mine = groups.filter((g) => g.agents.some((a) => a !== '*' && token.includes(a)));
  const chosen = mine.length ? mine : groups.filter((g) => g.agents.includes('*'));
  return { allow: chosen.flatMap((g) => g.allow), disallow: chosen.flatMap((g) => g.disallow) };
}

/**
 * Whether a rule matches the path from its start: `*` is any run of characters, a final `$`
 * anchors the end, everything else is literal. The pieces between `*` are placed leftmost,
 * one after the other (greedy placement is exact when `*` is the only wildcard), the last
 * piece at the very end when anchored.
 */
export function matches(rule: string, path: string): boolean {
  const anchored = rule.endsWith('$');
  const pieces = (anchored ? rule.slice(0, -1) : rule).split('*');
  const first = pieces[0]!;
  if (!path.startsWith(first)) return false;
  if (pieces.length === 1) return !anchored || path.length === first.length;
  let at = first.length;
  const last = pieces.length - 1;
  for (let i = 1; i < last; i++) {
    const found = path.indexOf(pieces[i]!, at);
    if (found < 0) return false;
    at = found + pieces[i]!.length;
  }
  const tail = pieces[last]!;
  if (anchored) return path.length - tail.length >= at && path.endsWith(tail);
  return path.indexOf(tail, at) >= 0;
}

export function isAllowed(rules: RobotsRules, path: string): boolean {
  let best = -1;
  let allowed = true;
  for (const rule of rules.disallow) if (matches(rule, path) && rule.length > best) [best, allowed] = [rule.length, false];
  for (const rule of rules.allow) if (matches(rule, path) && rule.length >= best) [best, allowed] = [rule.length, true];
  return allowed;
}
