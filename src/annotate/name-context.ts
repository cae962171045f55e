// Whether a name stands in a modifier of something else rather than as who acts: after a
// preposition or a relative word ("an official under Biden", "fear of Trump", "who served
// Obama"), or as a possessive ("Trump's pressure"). Such a name is not a speaker, not a source,
// and not what a pronoun stands for.

/** Words before a name that make it part of a modifier. */
const MODIFIER_BEFORE = /(\b(who|which|that|of|under|for|from|by|with|to|at|about|than|against|on|in|into)\s+|['’]s\s+)$/i;

export function inModifier(text: string, start: number, end: number): boolean {
  return MODIFIER_BEFORE.test(text.slice(Math.max(0, start - 20), start)) || /^['’]s\b/.test(text.slice(end, end + 3));
}

/** Only the words before: "Trump's nominee" names Trump as part of who speaks, not as a modifier of it. */
export function afterModifierWord(text: string, start: number): boolean {
  return MODIFIER_BEFORE.test(text.slice(Math.max(0, start - 20), start));
}
