// Add articles: URLs (pages or feeds) pasted one per line, or files uploaded; then the job's page,
// which follows its progress live (server-sent events, by the app's script) or, without script,
// reloads itself until the job is done.
import type { Job, JobEvent } from '../add-jobs.ts';
import { html } from '../html.ts';
import { csrfField, page } from './layout.ts';

export function addPage(csrf: string, problem: string | null = null): string {
  const body = html`<h1>Add articles</h1>
<p>Pages are fetched as <code>triangulate ingest</code> fetches them: robots.txt is obeyed, private addresses are refused, and a page over the size limit is skipped. Each article joins the story it belongs to.</p>
${problem ? html`<p class="error" role="alert">${problem}</p>` : ''}
<form class="add" method="post" action="/add" enctype="multipart/form-data">
${csrfField(csrf)}
<label for="urls">Article or feed URLs, one per line</label>
<textarea id="urls" name="urls" rows="6" placeholder="https://example.com/news/story.html"></textarea>
<label for="files">Or files (saved pages, text, JSON records)</label>
<input id="files" name="files" type="file" multiple>
<button type="submit">Add</button>
</form>`;
  return page({ title: 'Add articles', current: 'add', body });
}

export function eventLine(event: JobEvent): string {
  switch (event.kind) {
    case 'progress': return `${event.done} of ${event.total} read`;
    case 'failed': return `${event.input}: ${event.reason}`;
    case 'error': return `stopped: ${event.reason}`;
    case 'done': return `Done: ${event.added} new, ${event.duplicates} near-duplicates, ${event.known} already stored, ${event.failed} failed.`;
  }
}

export function jobPage(job: Job): string {
  const done = job.events.find((e) => e.kind === 'done');
  const progress = [...job.events].reverse().find((e) => e.kind === 'progress');
  const body = html`<h1>Adding ${job.inputs.length} input${job.inputs.length === 1 ? '' : 's'}</h1>
<div class="job" data-events="/add/jobs/${job.id}/events" data-state="${job.state}">
<p class="progress" role="status" aria-live="polite">${job.state === 'done' ? 'Finished.' : progress ? eventLine(progress) : 'Waiting to start…'}</p>
<ul class="job-log">${job.events.filter((e) => e.kind !== 'progress').map((e) => html`<li class="${e.kind}">${eventLine(e)}</li>`)}</ul>
<ul class="job-stories">${done?.kind === 'done' ? done.stories.map((id) => html`<li><a href="/stories/${id}">Story ${id}</a></li>`) : ''}</ul>
${job.state === 'done' ? '' : html`<noscript><p><a href="/add/jobs/${job.id}">Reload</a> to see how far it has gone.</p></noscript>`}
</div>
<p><a href="/add">Add more</a> · <a href="/">Stories</a></p>`;
  return page({ title: 'Adding articles', current: 'add', body });
}
