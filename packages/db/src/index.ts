// Side-effect free: importing the schema or types never opens a connection.
export * from "./schema/index.ts";
export type { Database, DbHandle, Executor } from "./client.ts";
