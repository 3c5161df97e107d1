/**
 * The chart's <svg> as a standalone SVG document, with the namespace set
 * and a white background so it reads the same outside the page.
 */
export function serialiseSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('style', 'background:#fff;font-family:sans-serif');
  return new XMLSerializer().serializeToString(copy);
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

export function downloadSvg(svg: SVGSVGElement, fileName: string): void {
  saveUrl(svgDataUrl(serialiseSvg(svg)), fileName);
}

/** Draws the SVG onto a canvas at twice its size and saves it as PNG. */
export async function downloadPng(
  svg: SVGSVGElement,
  fileName: string,
): Promise<void> {
  const { width, height } = svg.getBoundingClientRect();
  const image = new Image();
  image.src = svgDataUrl(serialiseSvg(svg));
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
