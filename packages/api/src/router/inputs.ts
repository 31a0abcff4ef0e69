import { z } from "zod";

/** Input pieces several routers share, so one limit is written once. */
export const wallpaperIdList = z.array(z.uuid()).min(1).max(200);

export const offsetPage = {
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(100_000).default(0),
};
