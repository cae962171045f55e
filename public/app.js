// The app's one script: live progress of an "Add articles" job (server-sent events). Pages work
// without it. Article text arriving in events is set as text, never as markup.
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const job = document.querySelector('.job[data-events]');
  if (job && job.dataset.state !== 'done' && 'EventSource' in window) {
    const status = job.querySelector('.progress');
    const log = job.querySelector('.job-log');
    const storiesList = job.querySelector('.job-stories');
    const source = new EventSource(job.dataset.events);
    const line = (cls, text) => {
      const li = document.createElement('li');
      li.className = cls;
      li.textContent = text;
      log.appendChild(li);
    };
    source.addEventListener('progress', (e) => {
      const d = JSON.parse(e.data);
      status.textContent = `${d.done} of ${d.total} read`;
    });
    source.addEventListener('failed', (e) => {
      const d = JSON.parse(e.data);
      line('failed', `${d.input}: ${d.reason}`);
    });
    source.addEventListener('error', (e) => {
      if (!e.data) return;
      line('error', `stopped: ${JSON.parse(e.data).reason}`);
    });
    source.addEventListener('done', (e) => {
      const d = JSON.parse(e.data);
      source.close();
      job.dataset.state = 'done';
      status.textContent = 'Finished.';
      line('done', `Done: ${d.added} new, ${d.duplicates} near-duplicates, ${d.known} already stored, ${d.failed} failed.`);
      for (const id of d.stories) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `/stories/${Number(id)}`;
        a.textContent = `Story ${Number(id)}`;
        li.appendChild(a);
        storiesList.appendChild(li);
      }
    });
  }
  // a link to evidence in the same page moves focus to the mark, for keyboard and screen readers
  const focusHash = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (target && target.tagName === 'MARK') target.focus();
  };
  window.addEventListener('hashchange', focusHash);
  focusHash();
});
