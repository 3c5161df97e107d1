import type { Match } from '../../api/types';

export interface Segment {
  text: string;
  marked: boolean;
  /** The keywords that matched this stretch, for its tooltip. */
  keywords: string[];
}

/**
 * Cuts `text` into plain and marked stretches from match offsets
 * (UTF-16 positions, end exclusive). Overlapping matches merge; offsets
 * outside the text are clipped so a stale suggestion cannot break the view.
 */
export function segmentText(text: string, matches: Match[]): Segment[] {
  const ranges = matches
    .map((m) => ({
      start: Math.max(0, Math.min(m.start, text.length)),
      end: Math.max(0, Math.min(m.end, text.length)),
      keyword: m.keyword,
    }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);

  const merged: { start: number; end: number; keywords: string[] }[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start < last.end) {
      last.end = Math.max(last.end, r.end);
      if (!last.keywords.includes(r.keyword)) last.keywords.push(r.keyword);
    } else merged.push({ start: r.start, end: r.end, keywords: [r.keyword] });
  }

  const segments: Segment[] = [];
  let at = 0;
  for (const m of merged) {
    if (m.start > at)
      segments.push({
        text: text.slice(at, m.start),
        marked: false,
        keywords: [],
      });
    segments.push({
      text: text.slice(m.start, m.end),
      marked: true,
      keywords: m.keywords,
    });
    at = m.end;
  }
  if (at < text.length)
    segments.push({ text: text.slice(at), marked: false, keywords: [] });
  return segments;
}
