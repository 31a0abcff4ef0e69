import { publicProcedure } from "../trpc.ts";

export const healthRouter = publicProcedure.query(() => ({ status: "ok" as const, time: new Date() }));
