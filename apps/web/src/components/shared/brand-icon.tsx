import { ImageResponse } from "next/og";

/**
 * The one drawing behind every icon: the SVG favicon, the PNG sizes (app icons, apple-touch-icon) and
 * /favicon.ico are all made from it, so changing the mark is one edit.
 */
export const brandIconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="#7c8cff"/><stop offset=".55" stop-color="#4fd1c5"/><stop offset="1" stop-color="#f472b6"/>
</linearGradient></defs>
<rect width="64" height="64" rx="14" fill="url(#g)"/>
<path d="M8 50 24 32l9 10 7-7 16 15v2a6 6 0 0 1-6 6H14a6 6 0 0 1-6-6z" fill="#0b0d12" fill-opacity=".6"/>
<circle cx="44" cy="20" r="6" fill="#fff" fill-opacity=".9"/>
</svg>`;

/** The mark as a PNG of the given size (a square). */
export function brandIconPng(size: number): ImageResponse {
  const source = `data:image/svg+xml,${encodeURIComponent(brandIconSvg)}`;
  return new ImageResponse(<img src={source} width={size} height={size} alt="" />, {
    width: size,
    height: size,
  });
}
