// Whether an input names a page on the web (fetched) rather than a file: its own module, so that
// the command line can ask without loading the fetcher.
export const isHttpUrl = (input: unknown): input is string => typeof input === 'string' && /^https?:\/\//i.test(input);
