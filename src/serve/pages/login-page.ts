// The login form of a server reachable beyond this machine: the token it printed at start.
import { html } from '../html.ts';
import { csrfField, page } from './layout.ts';

export function loginPage(csrf: string, next: string, problem: string | null = null): string {
  const body = html`<h1>Sign in</h1>
<p>This server needs the token it was started with (printed when it started, or given with <code>--token</code>).</p>
${problem ? html`<p class="error" role="alert">${problem}</p>` : ''}
<form class="login" method="post" action="/login">
${csrfField(csrf)}
<input type="hidden" name="next" value="${next}">
<label for="token">Token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>`;
  return page({ title: 'Sign in', current: 'login', body, nav: false });
}
