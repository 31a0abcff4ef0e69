import type { Orientation, ResolutionClass } from "@wallpaperdb/imaging";
import { namedPalette } from "@wallpaperdb/imaging/colors";

/**
 * The one home of fact tags: the names the auto tagger derives from a wallpaper's file (the worker's
 * autotag handler calls `autoTagNames`) and the rule that says whether a name is such a fact
 * (`factTagKind`), which tag suggestions use so they never propose a fact the file already decides.
 */

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

/** The auto tag of an aspect name: "16:9" → `16x9` (":" is query syntax). */
export const aspectTagName = (aspectName: string) => tagName(aspectName.replace(":", "x"));

/**
 * Tag names for the facts search and browsing need: `4k`, `16x9`, `landscape`, `dark`/`light`,
 * `monochrome`, `video`, and the wallpaper's named colours (`sky_blue`), exactly those the colour step
 * stored, so the tag and the swatch search find the same wallpapers, and what the detect step found
 * (`dog`, `boat`, `people`). Sorted and unique, so the same facts always give the same list.
 */
export function autoTagNames(input: AutoTagInput): string[] {
  const names = new Set<string>();
  if (input.resolutionClass) names.add(tagName(input.resolutionClass));
  if (input.aspectName) names.add(aspectTagName(input.aspectName));
  if (input.orientation) names.add(tagName(input.orientation));
  if (input.brightness === "dark" || input.brightness === "light") names.add(input.brightness);
  if (input.monochrome) names.add("monochrome");
  if (input.mediaType === "video") names.add("video");
  for (const name of input.colorNames ?? []) names.add(colorTagName(name));
  for (const name of input.detectedTagNames ?? []) names.add(name);
  return [...names].sort();
}

export type FactKind =
  | "ratio"
  | "resolution"
  | "orientation"
  | "brightness"
  | "monochrome"
  | "media_type"
  | "colour";

// Keyed by imaging's own unions, so a new resolution class or orientation fails typecheck here.
const resolutionTags: Record<Lowercase<ResolutionClass>, true> = {
  sd: true,
  hd: true,
  fhd: true,
  qhd: true,
  "4k": true,
  "5k": true,
  "6k": true,
  "8k": true,
};
const orientationTags: Record<Orientation, true> = { landscape: true, portrait: true, square: true };

const fixed = new Map<string, FactKind>([
  ...Object.keys(resolutionTags).map((name): [string, FactKind] => [name, "resolution"]),
  ...Object.keys(orientationTags).map((name): [string, FactKind] => [name, "orientation"]),
  ["dark", "brightness"],
  ["light", "brightness"],
  ["monochrome", "monochrome"],
  ["video", "media_type"],
  ...namedPalette.map((color): [string, FactKind] => [colorTagName(color.name), "colour"]),
]);

/** Any `<w>x<h>` is a ratio (`16x9`, `9x16`, `1x1`, and ratios no picture is named by yet). */
const RATIO = /^\d+x\d+$/u;

/**
 * Which fact of the file a tag name states, or null for a name a person decides (`mountain`, `dog`).
 * Detected content (`dog`, `people`) is left out on purpose: the detector is tuned to be sure of what it
 * tags and misses small things and crowds, so a person's `dog` on a similar picture contradicts nothing.
 */
export function factTagKind(name: string): FactKind | null {
  if (RATIO.test(name)) return "ratio";
  return fixed.get(name) ?? null;
}

export const isFactTagName = (name: string): boolean => factTagKind(name) !== null;
