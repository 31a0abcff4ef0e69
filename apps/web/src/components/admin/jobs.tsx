"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";

const PAGE = 20;
// Counts move while workers run; a few seconds is fresh enough and cheap (one grouped scan).
const REFRESH_MS = 3000;

export function AdminJobs() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [offset, setOffset] = useState(0);
  const summary = useQuery({ ...trpc.admin.jobs.summary.queryOptions(), refetchInterval: REFRESH_MS });
  const failed = useQuery({
    ...trpc.admin.jobs.failed.queryOptions({ limit: PAGE, offset }),
    refetchInterval: REFRESH_MS,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.jobs.pathKey() });
  const retry = useMutation(trpc.admin.jobs.retryFailed.mutationOptions({ onSuccess: refresh }));
  const rerun = useMutation(trpc.admin.jobs.rerun.mutationOptions({ onSuccess: refresh }));
  const result = retry.data ?? rerun.data;
  const error = retry.error ?? rerun.error ?? summary.error ?? failed.error;

  return (
    <div className="admin-stack">
      {error ? (
        <p className="notice notice-bad" role="alert">
          {describeError(error)}
        </p>
      ) : null}
      {result ? (
        <p className="notice notice-ok" role="status" data-testid="jobs-result">
          {result.reset} step{result.reset === 1 ? "" : "s"} reset, {result.enqueued} re-queued.
        </p>
      ) : null}
      <table className="admin-table" data-testid="jobs-summary">
        <thead>
          <tr>
            <th>Step</th>
            <th>Pending</th>
            <th>Running</th>
            <th>Done</th>
            <th>Failed</th>
            <th>Missing</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {summary.data?.map((row) => (
            <tr key={row.step} data-step={row.step}>
              <th scope="row">{row.step}</th>
              <td data-col="pending">{row.pending}</td>
              <td data-col="running">{row.running}</td>
              <td data-col="done">{row.done}</td>
              <td data-col="failed" className={row.failed > 0 ? "cell-bad" : undefined}>
                {row.failed}
              </td>
              <td data-col="missing">{row.missing}</td>
              <td className="admin-actions">
                <button
                  type="button"
                  className="button button-small"
                  disabled={row.failed === 0 || retry.isPending}
                  onClick={() => retry.mutate({ step: row.step })}
                >
                  Retry failed {row.step}
                </button>
                <button
                  type="button"
                  className="button button-ghost button-small"
                  disabled={rerun.isPending}
                  onClick={() => rerun.mutate({ step: row.step, scope: "missing" })}
                >
                  Run missing
                </button>
                <button
                  type="button"
                  className="button button-ghost button-small"
                  disabled={rerun.isPending}
                  onClick={() => {
                    if (window.confirm(`Re-run ${row.step} for every wallpaper?`))
                      rerun.mutate({ step: row.step, scope: "all" });
                  }}
                >
                  Re-run all
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="admin-subtitle">
        Failed items <span className="muted">{failed.data?.total ?? 0}</span>
      </h2>
      {failed.data?.items.length === 0 ? <p className="muted">Nothing failed.</p> : null}
      <ul className="failed-list">
        {failed.data?.items.map((item) => (
          <li key={`${item.wallpaperId}-${item.step}`} className="failed-item" data-testid="failed-item">
            <div>
              <strong>{item.step}</strong> ·{" "}
              <Link href={`/wallpapers/${item.wallpaperId}`}>
                {item.originalFilename ?? item.wallpaperId}
              </Link>{" "}
              <span className="muted">
                ({item.mediaType}, {item.attempts} attempt{item.attempts === 1 ? "" : "s"},{" "}
                {new Date(item.failedAt).toLocaleString()})
              </span>
            </div>
            <pre className="failed-error">{item.lastError ?? "no error recorded"}</pre>
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => retry.mutate({ step: item.step as "poster", wallpaperIds: [item.wallpaperId] })}
            >
              Retry
            </button>
          </li>
        ))}
      </ul>
      <div className="admin-toolbar">
        <button
          type="button"
          className="button button-ghost button-small"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - PAGE))}
        >
          ← Newer
        </button>
        <button
          type="button"
          className="button button-ghost button-small"
          disabled={(failed.data?.total ?? 0) <= offset + PAGE}
          onClick={() => setOffset(offset + PAGE)}
        >
          Older →
        </button>
      </div>
    </div>
  );
}
