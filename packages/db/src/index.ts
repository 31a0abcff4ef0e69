// Side-effect free: importing the schema or types never opens a connection.

export type { Database, DbHandle, Executor } from "./client.ts";
export * from "./schema/index.ts";
