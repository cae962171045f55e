// The check command's answer as text for a terminal: counts, then each article with its stance,
// the sentences that decide it and the article's attribution. Article text is printed as text:
// control characters are replaced so that an article cannot drive the terminal.
import type { CheckResult } from '../check/check-claim.ts';

function plain(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
}

export function renderCheck(result: CheckResult): string {
  const lines = [`Claim: ${plain(result.claim)}`, `agree ${result.counts.agree}, disagree ${result.counts.disagree}, discuss ${result.counts.discuss}, unrelated ${result.counts.unrelated}`, ''];
  for (const a of result.articles) {
    const name = a.outlet ?? a.title;
    lines.push(`${a.stance.toUpperCase().padEnd(9)} ${name ? `${plain(name)} (${plain(a.source)})` : plain(a.source)} ${a.decidedBy ? `by its own words (${a.decidedBy.kind})` : `p=${a.probabilities[a.stance].toFixed(2)}`}`);
    if (a.decidedBy) lines.push(`    why: ${plain(a.decidedBy.explanation)}`);
    for (const e of a.evidence) lines.push(`    [${e.start}-${e.end}] ${plain(e.text)}${e.attribution ? ` (attributed to: ${plain(e.attribution)})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
