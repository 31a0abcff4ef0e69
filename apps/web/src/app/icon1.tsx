import { brandIconPng } from "~/components/shared/brand-icon.tsx";

export const contentType = "image/png";

/** PNG app icons for the web manifest and for browsers without SVG favicons. */
export function generateImageMetadata() {
  return [192, 512].map((size) => ({ id: String(size), size: { width: size, height: size }, contentType }));
}

export default async function Icon({ id }: { id: Promise<string> }) {
  return brandIconPng(Number(await id));
}
