"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";

interface Change {
  human?: { added?: { name: string }[]; removed?: { name: string }[] };
}

/** Every human tag change on the wallpaper, newest first; revert applies the inverse as a new change. */
export function TagHistory({ wallpaperId, onChanged }: { wallpaperId: string; onChanged(): Promise<void> }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.wallpaper.tagHistory.queryOptions({ wallpaperId, limit: 20 }));
  const revert = useMutation(trpc.wallpaper.revertTagChange.mutationOptions({ onSuccess: onChanged }));
  return (
    <section className="tag-history" aria-label="History">
      <h3>History</h3>
      {revert.error ? <p className="notice notice-bad">{describeError(revert.error)}</p> : null}
      {history.data?.length === 0 ? <p className="muted">No changes yet.</p> : null}
      <ol className="tag-history-list">
        {history.data?.map((entry) => {
          const change = (entry.data ?? {}) as Change;
          const added = change.human?.added ?? [];
          const removed = change.human?.removed ?? [];
          return (
            <li key={entry.id}>
              <span className="tag-history-delta">
                {added.map((tag) => (
                  <span key={`+${tag.name}`} className="delta-add">
                    +{tag.name}{" "}
                  </span>
                ))}
                {removed.map((tag) => (
                  <span key={`-${tag.name}`} className="delta-remove">
                    −{tag.name}{" "}
                  </span>
                ))}
              </span>
              <span className="muted">
                {entry.actorName ?? "system"} · {new Date(entry.createdAt).toLocaleString()}
              </span>
              {added.length + removed.length > 0 ? (
                <button
                  type="button"
                  className="button button-ghost button-small"
                  disabled={revert.isPending}
                  onClick={() => revert.mutate({ auditId: entry.id })}
                >
                  Revert
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
