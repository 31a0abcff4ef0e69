/** What the auto tags are derived from: the processed facts, the palette and the media type. */
export interface AutoTagInput {
  mediaType: "image" | "video";
  resolutionClass: string | null;
  aspectName: string | null;
  orientation: string | null;
  brightness: string | null;
  monochrome: boolean | null;
  colors: readonly { name: string; fraction: number }[];
}

/** A named color is a tag once it covers this share of the image (its palette entries summed). */
export const COLOR_TAG_MIN_FRACTION = 0.1;

const tagName = (raw: string) => raw.trim().toLowerCase().replace(/\s+/g, "_");

/**
 * Tag names for the facts search and browsing need: `4k`, `16x9` (":" is query syntax), `landscape`,
 * `dark`/`light`, `monochrome`, `video`, and the named colors (`sky_blue`) covering at least 10 %.
 * Sorted and unique, so the same facts always give the same list.
 */
export function autoTagNames(input: AutoTagInput): string[] {
  const names = new Set<string>();
  if (input.resolutionClass) names.add(tagName(input.resolutionClass));
  if (input.aspectName) names.add(tagName(input.aspectName.replace(":", "x")));
  if (input.orientation) names.add(tagName(input.orientation));
  if (input.brightness === "dark" || input.brightness === "light") names.add(input.brightness);
  if (input.monochrome) names.add("monochrome");
  if (input.mediaType === "video") names.add("video");
  const coverage = new Map<string, number>();
  for (const color of input.colors)
    coverage.set(color.name, (coverage.get(color.name) ?? 0) + color.fraction);
  for (const [name, fraction] of coverage) if (fraction >= COLOR_TAG_MIN_FRACTION) names.add(tagName(name));
  return [...names].sort();
}
