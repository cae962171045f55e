// Work over a list with a few items in flight, results handed out in list order: a feed's pages
// are fetched `window` at a time and each is stored before more are buffered, so memory follows
// the window, not the feed.

type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export async function* inOrder<T, R>(items: readonly T[], window: number, work: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Array<Promise<Settled<R>>> = [];
  let next = 0;
  // settled at once, so that work left in flight when the caller stops never rejects unhandled
  const start = (): void => {
    const item = items[next++]!;
    pending.push(
      work(item).then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, error }),
      ),
    );
  };
  while (next < items.length && pending.length < Math.max(1, window)) start();
  while (pending.length) {
    const settled = await pending.shift()!;
    if (!settled.ok) throw settled.error;
    // the next item starts once this one is handed over and taken care of
    yield settled.value;
    if (next < items.length) start();
  }
}
