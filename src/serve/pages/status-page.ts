// Status: what the store holds and, when the server was started with --redis, the work queue that
// workers take from (as `triangulate status` shows it): jobs by state, workers, rates, schedules.
import { formatPeriod } from '../../queue/period.ts';
import type { QueueStatus } from '../../queue/queue-report.ts';
import { html } from '../html.ts';
import { page } from './layout.ts';

export interface StatusView {
  store: { articles: number; stories: number };
  /** Null: this server has no queue (started without --redis). */
  queue: QueueStatus | null;
  /** The queue could not be read: why. */
  queueError?: string;
}

const n = (v: number): string => v.toLocaleString('en-US');

export function statusPage(view: StatusView): string {
  const { queue } = view;
  const queuePart = queue
    ? html`<h2>Queue</h2>
<table class="status">
<caption>Jobs by state</caption>
<thead><tr><th scope="col">waiting</th><th scope="col">running</th><th scope="col">put off</th><th scope="col">failed for good</th><th scope="col">done (kept a day)</th></tr></thead>
<tbody><tr><td>${n(queue.counts.waiting)}</td><td>${n(queue.counts.active)}</td><td>${n(queue.counts.delayed)}</td><td>${n(queue.counts.failed)}</td><td>${n(queue.counts.completed)}</td></tr></tbody>
</table>
<table class="status">
<caption>Rates</caption>
<thead><tr><th scope="col"></th><th scope="col">last 5 minutes</th><th scope="col">last hour</th><th scope="col">in all</th></tr></thead>
<tbody>
<tr><th scope="row">jobs done</th><td>${n(queue.done.last5Minutes)}</td><td>${n(queue.done.lastHour)}</td><td>${n(queue.done.total)}</td></tr>
<tr><th scope="row">failed attempts</th><td>${n(queue.failures.last5Minutes)}</td><td>${n(queue.failures.lastHour)}</td><td>${n(queue.failures.total)}</td></tr>
</tbody>
</table>
<p>Workers connected: ${n(queue.workers.length)}${queue.workers.length ? html` (${queue.workers.join(', ')})` : ''}. Inputs that failed for good are listed by <code>triangulate failed</code>.</p>
${queue.polled.length
  ? html`<h3>Polled on a schedule</h3><ul class="polled">${queue.polled.map((p) => html`<li><span class="url">${p.url}</span>, every ${p.everyMs ? formatPeriod(p.everyMs) : '?'}${p.next ? html`, next at <time datetime="${p.next}">${p.next}</time>` : ''}</li>`)}</ul>`
  : ''}`
    : view.queueError
      ? html`<h2>Queue</h2><p class="error" role="alert">The queue could not be read: ${view.queueError}</p>`
      : html`<h2>Queue</h2><p>No queue: this server was started without <code>--redis</code>. Workers are started with <code>triangulate worker</code>.</p>`;
  const body = html`<h1>Status</h1>
<h2>Store</h2>
<p>${n(view.store.articles)} articles in ${n(view.store.stories)} stories.</p>
${queuePart}`;
  return page({ title: 'Status', current: 'status', body });
}
