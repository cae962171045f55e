// How the pages name a story and an outlet: a headline cut from an article's first words ends at
// a word, and an outlet the store knows only by its file path is shown by the file's name.
import type { StoryRow } from '../../store/store.ts';

/** The store keeps a headline of at most this many characters when it is cut from the text. */
const CUT_HEADLINE = 120;

export function headlineOf(story: Pick<StoryRow, 'id' | 'headline'>): string {
  const h = story.headline.trim();
  if (!h) return `Story ${story.id}`;
  if (h.length < CUT_HEADLINE) return h;
  const space = h.lastIndexOf(' ');
  return `${space > 40 ? h.slice(0, space) : h}…`;
}

export function outletLabel(outlet: string): string {
  if (/^https?:\/\//i.test(outlet)) return outlet;
  const name = outlet.split(/[\\/]/).pop();
  return name || outlet;
}
