// The colour entry point: the named search palette and OKLab maths, pure functions only. The query
// parser and the web app's pages import this instead of "." so that naming a colour never loads sharp
// (colors.test.ts holds that line).
export {
  COLOR_MATCH_DISTANCE,
  entryMatchesColor,
  MIN_COLOR_FRACTION,
  type NamedColor,
  namedColorByHex,
  namedColorByName,
  namedColorsOf,
  namedPalette,
  nearestNamedColor,
  type WeightedLab,
} from "./named-palette.ts";
export { hexToOklab, type Oklab, oklabDistance, oklabToHex, rgbToOklab } from "./oklab.ts";
