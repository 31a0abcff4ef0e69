import { brandIconPng } from "~/components/shared/brand-icon.tsx";
import { icoFromPng } from "./ico.ts";

// Pages link the SVG icon; this answers the clients that still ask for /favicon.ico by name (bookmarks,
// feed readers, Windows shortcuts): a real ICO file holding the 32 px PNG, which every ICO reader since
// Windows Vista understands.
export async function GET(): Promise<Response> {
  const png = new Uint8Array(await brandIconPng(32).arrayBuffer());
  return new Response(icoFromPng(png, 32), {
    headers: { "content-type": "image/x-icon", "cache-control": "public, max-age=86400" },
  });
}
