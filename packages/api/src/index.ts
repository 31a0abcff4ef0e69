export type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
export type { AppRouter } from "./root.ts";
export { appRouter, createCaller } from "./root.ts";
export type { ApiDeps, CreateContextOptions, TRPCContext } from "./trpc.ts";
export { createTRPCContext } from "./trpc.ts";
