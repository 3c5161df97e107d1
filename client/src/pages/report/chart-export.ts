const SVG_NS = 'http://www.w3.org/2000/svg';
const LEGEND_PX = 28;

export interface LegendItem {
  label: string;
  colour: string;
}

function svgElement(name: string, attributes: Record<string, string>) {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes))
    element.setAttribute(key, value);
  return element;
}

/** The chart's legend is HTML on the page: draw it into the SVG instead. */
function legendGroup(items: LegendItem[]): SVGGElement {
  const group = svgElement('g', { 'font-size': '13' }) as SVGGElement;
  let x = 8;
  for (const item of items) {
    group.append(
      svgElement('rect', {
        x: String(x),
        y: '8',
        width: '12',
        height: '12',
        fill: item.colour,
      }),
    );
    const text = svgElement('text', {
      x: String(x + 18),
      y: '19',
      fill: '#1d2330',
    });
    text.textContent = item.label;
    group.append(text);
    x += 30 + item.label.length * 7;
  }
  return group;
}

/**
 * The chart's <svg> as a standalone SVG document: namespace set, legend
 * drawn in, white background, so it reads the same outside the page.
 */
export function serialiseSvg(svg: SVGSVGElement, legend: LegendItem[]): string {
  const { width, height } = svg.getBoundingClientRect();
  const total = height + LEGEND_PX;
  const out = svgElement('svg', {
    xmlns: SVG_NS,
    width: String(width),
    height: String(total),
    viewBox: `0 0 ${width} ${total}`,
    'font-family': 'sans-serif',
  });
  out.append(
    svgElement('rect', { width: '100%', height: '100%', fill: '#fff' }),
  );
  out.append(legendGroup(legend));
  const body = svgElement('g', { transform: `translate(0,${LEGEND_PX})` });
  for (const child of Array.from(svg.childNodes))
    body.append(child.cloneNode(true));
  out.append(body);
  return new XMLSerializer().serializeToString(out);
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
  legend: LegendItem[],
  fileName: string,
): void {
  saveUrl(svgDataUrl(serialiseSvg(svg, legend)), fileName);
}

/** Draws the SVG onto a canvas at twice its size and saves it as PNG. */
export async function downloadPng(
  svg: SVGSVGElement,
  legend: LegendItem[],
  fileName: string,
): Promise<void> {
  const { width } = svg.getBoundingClientRect();
  const height = svg.getBoundingClientRect().height + LEGEND_PX;
  const image = new Image();
  image.src = svgDataUrl(serialiseSvg(svg, legend));
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
