/**
 * Starting keywords for a theme, taken from its name and definition: the
 * content words (no stop words, no placeholders), the name's own phrases.
 * Coders grow the list as they work.
 */
const STOP = new Set(
  `a an and are as at be been being but by can could did do does for from
  had has have how i if in into is it its me more most my no nor not of on
  one or our out over own same so some such than that the their them then
  there these they this those through to too under up very was we were what
  when where which while who whom why will with would you your about after
  again all also any because before between both during each few further
  just other only should via etc e.g. i.e. including includes include may
  this which comments comment reference references captures mention
  mentions relating related relates regarding around whether within without
  well way ways thing things something`.split(/\s+/),
);

function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter((w) => w.length > 2 && !STOP.has(w) && !/^\d+$/.test(w));
}

export function initialKeywords(name: string, definition = ''): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of [...words(name), ...words(definition)]) {
    if (seen.has(w)) continue;
    seen.add(w);
    out.push(w);
  }
  return out;
}
