// The frame of every page: one stylesheet and one script, both the app's own files (the
// Content-Security-Policy allows no inline script or style), a skip link and a landmark per part.
import { html, type Html } from '../html.ts';

export interface PageOptions {
  title: string;
  /** The navigation entry to mark as current. */
  current?: 'stories' | 'add' | 'status' | 'login';
  body: Html;
  /** Whether the navigation is shown (not on the login form of a locked server). */
  nav?: boolean;
}

export function page({ title, current, body, nav = true }: PageOptions): string {
  const link = (href: string, label: string, key: PageOptions['current']): Html => html`<a href="${href}"${current === key ? html` aria-current="page"` : ''}>${label}</a>`;
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Triangulate</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<span class="brand">Triangulate</span>
${nav ? html`<nav aria-label="Main">${link('/', 'Stories', 'stories')}${link('/add', 'Add articles', 'add')}${link('/status', 'Status', 'status')}<a href="/api/openapi.json">API</a></nav>` : ''}
</header>
<main id="main" tabindex="-1">
${body}
</main>
</body>
</html>`.value}\n`;
}

/** A small hidden field carrying the CSRF token back with a form. */
export function csrfField(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}
