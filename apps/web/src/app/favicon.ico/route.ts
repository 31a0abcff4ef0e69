import { brandIconPng } from "~/components/shared/brand-icon.tsx";

// Pages link the SVG icon; this answers the clients that still ask for /favicon.ico by name (bookmarks,
// feed readers). Browsers read a PNG served here as well as an ICO.
export function GET(): Response {
  return brandIconPng(32);
}
