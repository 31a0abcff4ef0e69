import { type Executor, tagRequests } from "@wallpaperdb/db";
import { eq, sql } from "drizzle-orm";
import { addAlias } from "./aliases.ts";
import { writeAudit } from "./audit.ts";
import { addImplication } from "./implications.ts";
import { tagRequestError } from "./requests-errors.ts";
import { MAX_REQUEST_NOTE_LENGTH } from "./requests-rules.ts";

export interface Decision {
  approve: boolean;
  note?: string | null;
}

type Curator = { id: string };

/** The link as the admin editor's add would make it; the tags it touched, for the history entry. */
async function applyRequest(
  tx: Executor,
  request: typeof tagRequests.$inferSelect,
  curator: Curator,
): Promise<{ entityTagId: number; tagIds: number[]; wallpapersChanged: number }> {
  if (request.kind === "alias") {
    const alias = await addAlias(tx, request.antecedent, request.consequent, curator);
    return { entityTagId: alias.tagId, tagIds: [alias.tagId], wallpapersChanged: 0 };
  }
  const link = await addImplication(tx, request.antecedent, request.consequent, curator);
  return {
    entityTagId: link.antecedentId,
    tagIds: [link.antecedentId, link.consequentId],
    wallpapersChanged: link.wallpapersChanged,
  };
}

/**
 * A curator approves or rejects a pending request. Approval runs the engine's own addAlias or
 * addImplication (every rule is checked again against today's tags) in the same transaction as the
 * status change: if the engine refuses, its error (code and reason) reaches the curator and the whole
 * transaction rolls back, so the request stays pending. Its history entry names the request, and the
 * curator is its actor. A rejection changes no tag, so it is recorded on the request only.
 */
export async function decideTagRequest(
  executor: Executor,
  requestId: number,
  decision: Decision,
  curator: Curator,
) {
  const note = decision.note?.trim() || null;
  if (note !== null && note.length > MAX_REQUEST_NOTE_LENGTH)
    throw tagRequestError(
      "validation_failed",
      "request_note",
      `Keep the note under ${MAX_REQUEST_NOTE_LENGTH} characters.`,
    );
  return executor.transaction(async (tx) => {
    // Row lock: two curators deciding at once are serialized, and the second sees the first's decision.
    const [request] = await tx.select().from(tagRequests).where(eq(tagRequests.id, requestId)).for("update");
    if (!request) throw tagRequestError("not_found", "request_not_found", `No tag request #${requestId}.`);
    if (request.status !== "pending")
      throw tagRequestError(
        "conflict",
        "request_not_pending",
        `Request #${requestId} is already ${request.status}.`,
        {
          status: request.status,
        },
      );
    let wallpapersChanged = 0;
    if (decision.approve) {
      const applied = await applyRequest(tx, request, curator);
      wallpapersChanged = applied.wallpapersChanged;
      await writeAudit(tx, curator, [
        {
          action: "tag.request_approved",
          entityType: "tag",
          entityId: String(applied.entityTagId),
          data: {
            requestId: request.id,
            kind: request.kind,
            antecedent: request.antecedent,
            consequent: request.consequent,
            note,
          },
          tagIds: applied.tagIds,
        },
      ]);
    }
    const [decided] = await tx
      .update(tagRequests)
      .set({
        status: decision.approve ? "approved" : "rejected",
        decidedBy: curator.id,
        decidedAt: sql`now()`,
        note,
      })
      .where(eq(tagRequests.id, requestId))
      .returning();
    if (!decided) throw new Error("locked request row vanished");
    return { ...decided, wallpapersChanged };
  });
}
