// The public library API of Triangulate.
export { analyze, analyzeInputs, extractInputs, type AnalyzeResult, type ArticleInput, type ExtractResult, type Input, type RunOptions } from './pipeline.ts';
export { InputError, UsageError } from './errors.ts';
export { dossierJsonSchema, type Article, type Dossier, type Message } from './model.ts';
export { renderJson } from './render/render-json.ts';
export { renderMarkdown } from './render/render-markdown.ts';
export { renderHtml } from './render/render-html.ts';
