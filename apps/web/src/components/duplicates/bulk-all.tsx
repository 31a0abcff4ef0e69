"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC, useTRPCClient } from "~/trpc/react.tsx";
import { keepRequest, suggested } from "./choice.ts";

const BULK_PAGE = 50;

interface Progress {
  done: number;
  conflicts: number;
  of: number;
  running: boolean;
  error?: string;
}

/**
 * "Keep the suggested one in every group": for an import that flagged hundreds. One page of groups is
 * read and decided per request (at most 50 groups), with progress; Stop ends after the current page.
 * A group that changed meanwhile is skipped (and stays for review), so the walk always ends.
 */
export function BulkAll({
  total,
  disabled,
  onDone,
}: {
  total: number;
  disabled: boolean;
  onDone: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const stop = useRef(false);

  const run = async () => {
    setConfirming(false);
    stop.current = false;
    let skipped = 0;
    let state: Progress = { done: 0, conflicts: 0, of: total, running: true };
    setProgress(state);
    try {
      while (!stop.current) {
        const page = await client.admin.duplicates.groups.query({ limit: BULK_PAGE, offset: skipped });
        if (page.groups.length === 0) break;
        const { results } = await client.admin.duplicates.keepMany.mutate({
          groups: page.groups.map((group) => keepRequest(group, suggested(group))),
        });
        // Conflicts and refusals stay open at the front of the list: step over them.
        const conflicts = results.filter((r) => r.status !== "kept").length;
        skipped += conflicts;
        state = {
          ...state,
          done: state.done + results.length - conflicts,
          conflicts: state.conflicts + conflicts,
        };
        setProgress(state);
      }
      setProgress({ ...state, running: false });
    } catch (error) {
      setProgress({ ...state, running: false, error: describeError(error) });
    }
    await queryClient.invalidateQueries({ queryKey: trpc.admin.duplicates.pathKey() });
    await onDone();
  };

  const percent =
    progress && progress.of > 0
      ? Math.min(100, ((progress.done + progress.conflicts) / progress.of) * 100)
      : 0;
  return (
    <div className="dup-bulk">
      {progress?.running ? (
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={() => (stop.current = true)}
        >
          Stop
        </button>
      ) : confirming ? (
        <>
          <button type="button" className="button button-danger button-small" onClick={run}>
            Yes, keep the suggested one in all {total}
          </button>
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => setConfirming(false)}
          >
            Cancel
          </button>
        </>
      ) : total === 0 ? null : (
        <button
          type="button"
          className="button button-ghost button-small"
          disabled={disabled}
          onClick={() => setConfirming(true)}
        >
          Keep suggested in all ({total})
        </button>
      )}
      {progress ? (
        <div className="dup-progress" role="status" aria-live="polite">
          <progress max={100} value={percent} aria-label="Bulk keep progress" />
          <span className="muted">
            {progress.done} kept
            {progress.conflicts
              ? `, ${progress.conflicts} left for review (changed meanwhile or refused)`
              : ""}{" "}
            of {progress.of}
            {progress.running ? "…" : progress.error ? ` — stopped: ${progress.error}` : " — done"}
          </span>
        </div>
      ) : null}
    </div>
  );
}
