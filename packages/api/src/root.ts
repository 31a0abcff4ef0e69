import { healthRouter } from "./router/health.ts";
import { pingRouter } from "./router/ping.ts";
import { uploadRouter } from "./router/upload.ts";
import { wallpaperRouter } from "./router/wallpaper.ts";
import { createCallerFactory, createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  health: healthRouter,
  ping: pingRouter,
  upload: uploadRouter,
  wallpaper: wallpaperRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller (tests, server components): `createCaller(await createTRPCContext(...))`. */
export const createCaller = createCallerFactory(appRouter);
