// The colour entry point: the named search palette and OKLab maths, pure functions only. The query
// parser and the web app's pages import this instead of "." so that naming a colour never loads sharp
// (colors.test.ts holds that line).
export { type NamedColor, namedPalette, nearestNamedColor } from "./named-palette.ts";
export { hexToOklab, type Oklab, oklabDistance, oklabToHex, rgbToOklab } from "./oklab.ts";
