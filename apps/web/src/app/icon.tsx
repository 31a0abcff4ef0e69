import { brandIconSvg } from "~/components/shared/brand-icon.tsx";

export const contentType = "image/svg+xml";

/** The favicon browsers prefer: the SVG mark, sharp at every size. */
export default function Icon(): Response {
  return new Response(brandIconSvg, { headers: { "content-type": contentType } });
}
