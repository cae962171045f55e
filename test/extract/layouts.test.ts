// Layouts of every era, on pages written for these tests (test/fixtures/extraction): what stays in
// the article's text and what goes, line by line, written by hand.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { bytesToDocuments } from '../../src/ingest/ingest.ts';
import { FIXTURES } from '../helpers.ts';

function extract(name: string) {
  const [item] = bytesToDocuments(readFileSync(join(FIXTURES, 'extraction', name)), name, name);
  assert.ok(item && 'doc' in item);
  return extractArticle(item.doc);
}

interface Case {
  file: string;
  kept: string[];
  removed: string[];
}

const CASES: Record<string, Case> = {
  'an old table layout with <font>, upper-case tags and attributes': {
    file: 'old-table-font.html',
    kept: [
      'The county ferry between Harbor Town and Gull Island will run again from the first week of April, the transit board decided on Tuesday evening.',
      'The crossing was suspended in November after an inspection found corrosion on the landing ramp at the island dock. Repairs cost the county about $180,000, most of it paid from a state grant.',
      '"People on the island have waited a long winter for this," said board chairman Tom Ferris. "We wanted the ramp fixed properly, not patched."',
      'The first boat will leave the mainland at 6:40 a.m., and the summer timetable, with eight crossings a day, starts in June.',
    ],
    removed: ['Local News', 'Obituaries', 'Classifieds', 'Contact Us', 'Weather', 'Fog, 52°F', 'Subscribe to the print edition', 'By Martha Quill', 'All rights reserved', 'Ferry service to resume in spring'],
  },
  'text separated by <br>': {
    file: 'br-separated.html',
    kept: [
      'Volunteers for the Millbrook library counted the last envelopes on Saturday and found that the fund drive had raised $41,300, beating its goal by more than a thousand dollars.',
      'The money will pay for a new roof over the reading room, which has leaked since the storms of last March, and for longer opening hours on Thursdays.',
      'Head librarian Ada Pennock thanked the school children who sold lemonade all summer, saying their stand alone brought in nearly $900.',
      'Work on the roof is expected to begin in October and to take about six weeks.',
    ],
    removed: ['Archive', 'Letters', 'Copyright 2008', 'Library fund drive passes its goal'],
  },
  'a forum thread: the posts are the content': {
    file: 'forum-thread.html',
    kept: [
      'My starter is three weeks old and this morning it smelled like nail polish remover. It still doubles in about six hours after a feed. Is it ruined, or is this normal for a young starter?',
      'That smell usually means the starter is hungry. Feed it twice a day for a few days and use a little more flour than water.',
      'Mine did the same in its first month and settled down once I fed it more often.',
      'Thanks, feeding it twice a day fixed it. The smell is gone and it rises faster than before.',
    ],
    removed: ['Reply', 'Like', 'Log in', 'Related topics', 'Rye starter too sour', 'Powered by forum software'],
  },
  'a documentation page: code blocks kept, sidebars out': {
    file: 'documentation.html',
    kept: [
      'Tallyho looks for a file named tally.toml in the current folder and in each folder above it, and uses the first one it finds.',
      '[counter]\nname = "visitors"\nreset = "daily"',
      'The reset key takes one of three values: never, daily or weekly. Any other value stops the program with an error that names the file and the line.',
      'Overriding settings',
      'Settings given on the command line win over the file, so that one run can differ without editing it.',
      'tallyho --reset weekly',
    ],
    removed: ['Installing', 'Writing plugins', 'Questions', 'On this page', 'Edit this page on the source site.', 'Blog'],
  },
  'a listing: the list is the content, filters and facets out': {
    file: 'listing.html',
    kept: [
      'Steel touring bike, 56 cm frame',
      'Well kept touring bike with new brake pads and a rear rack, ridden mostly on weekends.',
      'Commuter with hub gears',
      'Seven-speed hub, mudguards and a dynamo light, ideal for riding to work in the rain.',
      "Kids' mountain bike, 24 inch wheels",
      'Outgrown after one summer, tyres and chain in good shape, small scratch on the fork.',
    ],
    removed: ['Filter results', 'Mountain City', 'Max price', 'Medium (30)', 'Next page', 'Sell a bike', 'run by volunteers'],
  },
};

describe('layouts of every era', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, () => {
      const article = extract(c.file);
      const blocks = article.blocks.map((b) => article.text.slice(b.start, b.end));
      for (const line of c.kept) assert.ok(blocks.includes(line), `missing block: ${line}\n${JSON.stringify(blocks, null, 1)}`);
      for (const line of c.removed) assert.ok(!article.text.includes(line), `should be gone: ${line}\n${article.text}`);
    });
  }

  it('labels the menu cell of a table layout as navigation', () => {
    const article = extract('old-table-font.html');
    assert.ok(article.removed.some((r) => r.kind === 'navigation' && r.text.includes('Obituaries')), JSON.stringify(article.removed));
  });
});
