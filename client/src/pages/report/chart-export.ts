const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 12;
const LINE_PX = 18;
const TITLE_PX = 26;
const LEGEND_PX = 28;
/** Rough width of one 13px sans-serif character, for wrapping lines. */
const CHAR_PX = 7;

export interface LegendItem {
  label: string;
  colour: string;
}

/**
 * What makes the exported chart stand on its own: which project and
 * group, out of what (respondents, comments per question), under which
 * filter, and how comments are counted.
 */
export interface ChartCaption {
  title: string;
  /** Base, filter, measure: one sentence each, wrapped to the width. */
  lines: string[];
  /** The counting note, under the chart. */
  note: string;
  legend: LegendItem[];
}

function svgElement(name: string, attributes: Record<string, string>) {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes))
    element.setAttribute(key, value);
  return element;
}

/** Splits text into lines of at most `width` pixels, at spaces. */
export function wrapText(text: string, width: number): string[] {
  const max = Math.max(20, Math.floor(width / CHAR_PX));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function textLines(
  lines: string[],
  top: number,
  attributes: Record<string, string> = {},
): SVGGElement {
  const group = svgElement('g', {
    'font-size': '13',
    fill: '#1d2330',
    ...attributes,
  }) as SVGGElement;
  lines.forEach((line, i) => {
    const text = svgElement('text', {
      x: String(PAD),
      y: String(top + (i + 1) * LINE_PX - 5),
    });
    text.textContent = line;
    group.append(text);
  });
  return group;
}

/** The chart's legend is HTML on the page: draw it into the SVG instead. */
function legendGroup(items: LegendItem[], top: number): SVGGElement {
  const group = svgElement('g', { 'font-size': '13' }) as SVGGElement;
  let x = PAD;
  for (const item of items) {
    group.append(
      svgElement('rect', {
        x: String(x),
        y: String(top + 8),
        width: '12',
        height: '12',
        fill: item.colour,
      }),
    );
    const text = svgElement('text', {
      x: String(x + 18),
      y: String(top + 19),
      fill: '#1d2330',
    });
    text.textContent = item.label;
    group.append(text);
    x += 30 + item.label.length * CHAR_PX;
  }
  return group;
}

/**
 * The chart's <svg> wrapped in a standalone SVG document: namespace set,
 * white background, a title, the base and filter above, the legend, the
 * chart, and the counting note below, so the file reads the same away from
 * the page.
 */
export function serialiseSvg(
  svg: SVGSVGElement,
  caption: ChartCaption,
): { text: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.ceil(box.width);
  const lines = caption.lines.flatMap((l) => wrapText(l, width - 2 * PAD));
  const note = wrapText(caption.note, width - 2 * PAD);
  const linesTop = PAD + TITLE_PX;
  const legendTop = linesTop + lines.length * LINE_PX + 4;
  const chartTop = legendTop + LEGEND_PX;
  const noteTop = chartTop + Math.ceil(box.height) + 4;
  const height = noteTop + note.length * LINE_PX + PAD;

  const out = svgElement('svg', {
    xmlns: SVG_NS,
    width: String(width),
    height: String(height),
    viewBox: `0 0 ${width} ${height}`,
    'font-family': 'sans-serif',
  });
  out.append(
    svgElement('rect', { width: '100%', height: '100%', fill: '#fff' }),
  );
  const title = svgElement('text', {
    x: String(PAD),
    y: String(PAD + 18),
    'font-size': '18',
    'font-weight': 'bold',
    fill: '#1d2330',
  });
  title.textContent = caption.title;
  out.append(title);
  out.append(textLines(lines, linesTop));
  out.append(legendGroup(caption.legend, legendTop));
  const body = svgElement('g', { transform: `translate(0,${chartTop})` });
  for (const child of Array.from(svg.childNodes))
    body.append(child.cloneNode(true));
  out.append(body);
  out.append(textLines(note, noteTop, { 'font-style': 'italic' }));
  return { text: new XMLSerializer().serializeToString(out), width, height };
}

/** A data: URL, not blob:, so a strict image CSP still allows it. */
export function svgDataUrl(svgText: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
}

function saveUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

export function downloadSvg(
  svg: SVGSVGElement,
  caption: ChartCaption,
  fileName: string,
): void {
  saveUrl(svgDataUrl(serialiseSvg(svg, caption).text), fileName);
}

/** Draws the SVG onto a canvas at twice its size and saves it as PNG. */
export async function downloadPng(
  svg: SVGSVGElement,
  caption: ChartCaption,
  fileName: string,
): Promise<void> {
  const { text, width, height } = serialiseSvg(svg, caption);
  const image = new Image();
  image.src = svgDataUrl(text);
  await image.decode();
  const canvas = document.createElement('canvas');
  const scale = 2;
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the chart as PNG.');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  saveUrl(canvas.toDataURL('image/png'), fileName);
}
