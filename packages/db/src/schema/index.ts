export * from "./auth.ts";
export * from "./enums.ts";
export * from "./events.ts";
export * from "./favorites.ts";
export * from "./media.ts";
export * from "./processing.ts";
export * from "./tags.ts";
export * from "./users.ts";
