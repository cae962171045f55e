// Check a claim against a story: the form, then each article's stance with the sentences that
// decide it (a GET form: nothing changes, and a result has its own address).
import type { CheckResult } from '../../check/check-claim.ts';
import type { StoryRow } from '../../store/store.ts';
import { html } from '../html.ts';
import { headlineOf, outletLabel } from './labels.ts';
import { page } from './layout.ts';

export function checkPage(story: StoryRow, claim: string, result: CheckResult | null, problem: string | null): string {
  const body = html`<p class="crumbs"><a href="/stories/${story.id}">${headlineOf(story)}</a></p>
<h1>Check a claim</h1>
<form class="check" method="get" action="/stories/${story.id}/check">
<label for="claim">The claim, as a sentence</label>
<textarea id="claim" name="claim" rows="3" required minlength="10" maxlength="2000">${claim}</textarea>
<button type="submit">Check</button>
</form>
${problem ? html`<p class="error" role="alert">${problem}</p>` : ''}
${result ? html`<section aria-labelledby="h-result"><h2 id="h-result">What each article says</h2>
<p role="status">agree ${result.counts.agree}, disagree ${result.counts.disagree}, discuss ${result.counts.discuss}, unrelated ${result.counts.unrelated}</p>
<ul class="verdicts">${result.articles.map(
    (a) => html`<li class="verdict"><span class="tag stance-${a.stance}">${a.stance}</span> <span class="outlet">${a.outlet ?? a.title ?? outletLabel(a.source)}</span> <span class="muted">${a.decidedBy ? `decided by its own words (${a.decidedBy.kind}): ${a.decidedBy.explanation}` : `model probability ${a.probabilities[a.stance].toFixed(2)}`}</span>
<ul>${a.evidence.map((e) => html`<li><q>${e.text}</q>${e.attribution ? html` <span class="muted">attributed to ${e.attribution}</span>` : ''}</li>`)}</ul></li>`,
  )}</ul></section>` : ''}`;
  return page({ title: 'Check a claim', body });
}
