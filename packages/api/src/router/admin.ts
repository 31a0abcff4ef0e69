import { createTRPCRouter } from "../trpc.ts";
import { duplicatesRouter } from "./duplicates.ts";
import { jobsRouter } from "./jobs.ts";
import { moderationRouter } from "./moderation.ts";

/** Curation and operations (accounts are managed under `account.admin.users`). */
export const adminRouter = createTRPCRouter({
  moderation: moderationRouter,
  jobs: jobsRouter,
  duplicates: duplicatesRouter,
});
