/** What the auto tags are derived from: the processed facts, the palette and the media type. */
export interface AutoTagInput {
  mediaType: "image" | "video";
  resolutionClass: string | null;
  aspectName: string | null;
  orientation: string | null;
  brightness: string | null;
  monochrome: boolean | null;
  /** `wallpapers.color_names`: the named colours by the one colour rule (imaging's namedColorsOf). */
  colorNames: readonly string[] | null;
  /** `wallpaper_detections.tag_names`: what the detect step found, by its one rule (vision's tags.ts). */
  detectedTagNames?: readonly string[] | null;
}

const tagName = (raw: string) => raw.trim().toLowerCase().replace(/\s+/g, "_");

/** The auto tag of a named colour: "sky blue" → `sky_blue` (the query language reads it back). */
export const colorTagName = tagName;

/**
 * Tag names for the facts search and browsing need: `4k`, `16x9` (":" is query syntax), `landscape`,
 * `dark`/`light`, `monochrome`, `video`, and the wallpaper's named colours (`sky_blue`), exactly those
 * the colour step stored, so the tag and the swatch search find the same wallpapers, and what the detect
 * step found (`dog`, `boat`, `people`).
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
  for (const name of input.colorNames ?? []) names.add(colorTagName(name));
  for (const name of input.detectedTagNames ?? []) names.add(name);
  return [...names].sort();
}
