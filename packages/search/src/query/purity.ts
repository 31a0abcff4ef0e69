import { type Purity, purities } from "@wallpaperdb/db/purity";
import { z } from "zod";

/**
 * `purity:sfw,sketchy`: only wallpapers of these purities. What a viewer may see is decided apart from
 * the query (the viewer scope, src/viewer-scope.ts): a purity the viewer may not see is dropped from
 * this list when the search runs, never refused, so a query cannot tell whether such wallpapers exist.
 */
export const purityField = z
  .array(z.enum(purities))
  .min(1)
  .max(purities.length)
  .transform((list) => purities.filter((purity) => list.includes(purity)));

export const purityFilter = {
  repeatable: false,
  apply(value: string, draft: { purity?: Purity[] | undefined }): string | null {
    const wanted = value
      .toLowerCase()
      .split(",")
      .filter((item) => item.length > 0);
    const chosen = purities.filter((purity) => wanted.includes(purity));
    if (wanted.length === 0 || chosen.length !== new Set(wanted).size) {
      return `purity takes ${purities.join(", ")}, comma-separated (purity:sfw,sketchy)`;
    }
    draft.purity = chosen;
    return null;
  },
};

export { type Purity, purities };
