import { accountRouter } from "./router/account.ts";
import { adminRouter } from "./router/admin.ts";
import { collectionRouter } from "./router/collection.ts";
import { favoriteRouter } from "./router/favorite.ts";
import { healthRouter } from "./router/health.ts";
import { popularityRouter } from "./router/popularity.ts";
import { progressRouter } from "./router/progress.ts";
import { wallpaperPurityProcedures } from "./router/purity.ts";
import { wallpaperSearchProcedures } from "./router/search.ts";
import { settingsRouter } from "./router/settings.ts";
import { systemRouter } from "./router/system.ts";
import { tagRouter } from "./router/tag.ts";
import { tagPageRouter } from "./router/tag-pages.ts";
import { tagRequestRouter } from "./router/tag-request.ts";
import { uploadRouter } from "./router/upload.ts";
import { userRouter } from "./router/user.ts";
import { wallpaperRouter } from "./router/wallpaper.ts";
import { wallpaperTagProcedures } from "./router/wallpaper-tags.ts";
import { createCallerFactory, createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  admin: adminRouter,
  collection: collectionRouter,
  favorite: favoriteRouter,
  health: healthRouter,
  popularity: popularityRouter,
  progress: progressRouter,
  settings: settingsRouter,
  system: systemRouter,
  upload: uploadRouter,
  user: userRouter,
  tag: tagRouter,
  tagPage: tagPageRouter,
  tagRequest: tagRequestRouter,
  // Tagging procedures live in their own file (curation side); merged into the gallery's wallpaper router.
  wallpaper: createTRPCRouter({
    ...wallpaperRouter._def.record,
    ...wallpaperTagProcedures,
    ...wallpaperSearchProcedures,
    ...wallpaperPurityProcedures,
  }),
});

export type AppRouter = typeof appRouter;

/** Server-side caller (tests, server components): `createCaller(await createTRPCContext(...))`. */
export const createCaller = createCallerFactory(appRouter);
