// Side-effect free: event types, schemas and subjects only.
export * from "./catalog.ts";
