// Side-effect free: event types, schemas, subjects and the pure result-to-outcome mapping only.
export * from "./catalog.ts";
export * from "./outcome.ts";
