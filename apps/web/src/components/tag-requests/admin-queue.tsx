"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TagRequestView } from "@wallpaperdb/tags";
import { MAX_REQUEST_NOTE_LENGTH } from "@wallpaperdb/tags/requests-rules";
import Link from "next/link";
import { useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";
import { TagRequestItem } from "./request-item.tsx";
import "./tag-requests.css";

/** Approve or reject one request, with an optional note; the engine's refusal shows on the item. */
function Decide({ request }: { request: TagRequestView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.tagRequest.pathKey() });
      // An approval changes links and implied tags: the tag views must read them again.
      await queryClient.invalidateQueries({ queryKey: trpc.tag.pathKey() });
    },
  };
  const approve = useMutation(trpc.tagRequest.approve.mutationOptions(options));
  const reject = useMutation(trpc.tagRequest.reject.mutationOptions(options));
  const error = approve.error ?? reject.error;
  const busy = approve.isPending || reject.isPending;
  const decide = (run: typeof approve.mutate) => {
    approve.reset();
    reject.reset();
    run({ requestId: request.id, note: note.trim() || null });
  };
  return (
    <>
      <input
        className="input tag-request-queue-note"
        aria-label={`Note on request #${request.id}`}
        placeholder="Note (optional, public)"
        maxLength={MAX_REQUEST_NOTE_LENGTH}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <button type="button" className="button" disabled={busy} onClick={() => decide(approve.mutate)}>
        Approve
      </button>
      <button
        type="button"
        className="button button-danger"
        disabled={busy}
        onClick={() => decide(reject.mutate)}
      >
        Reject
      </button>
      {error ? (
        <p className="notice notice-bad" role="alert" data-testid="tag-request-decide-error">
          {describeError(error)}
        </p>
      ) : null}
    </>
  );
}

/** The curator queue: pending requests, oldest first, as they were filed. */
export function TagRequestQueue() {
  const trpc = useTRPC();
  const pending = useQuery(trpc.tagRequest.list.queryOptions({ status: "pending", limit: 100 }));
  return (
    <div className="tag-requests">
      <p className="muted">
        Approving applies the alias or implication exactly as the tag editor does, with every tag rule checked
        again; if a rule refuses, the request stays pending. Decisions and notes are public in the{" "}
        <Link href="/tags/requests">request history</Link>.
      </p>
      {pending.error ? <p className="notice notice-bad">{describeError(pending.error)}</p> : null}
      {pending.isPending ? <p className="muted">Loading…</p> : null}
      {pending.data?.items.length === 0 ? (
        <p className="muted" data-testid="tag-requests-empty">
          No pending requests.
        </p>
      ) : null}
      <ol className="tag-request-list">
        {pending.data?.items.map((request) => (
          <TagRequestItem key={request.id} request={request} actions={<Decide request={request} />} />
        ))}
      </ol>
      {pending.data?.hasMore ? <p className="muted">Showing the oldest 100.</p> : null}
    </div>
  );
}
