import { auditLog, type Executor } from "@wallpaperdb/db";
import type { Actor } from "./types.ts";

export interface AuditEntry {
  action: string;
  entityType: "tag" | "wallpaper";
  entityId: string;
  data: Record<string, unknown>;
  tagIds: number[];
}

export async function writeAudit(executor: Executor, actor: Actor, entries: AuditEntry[]): Promise<number[]> {
  if (entries.length === 0) return [];
  const inserted = await executor
    .insert(auditLog)
    .values(entries.map((entry) => ({ ...entry, actorId: actor.id })))
    .returning({ id: auditLog.id });
  return inserted.map((row) => row.id);
}
