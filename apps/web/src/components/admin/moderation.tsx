"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";
import { ContentScores } from "./content-scores.tsx";
import { AdminPreview } from "./preview.tsx";

const tabs = ["pending", "approved", "rejected"] as const;
/** Near-duplicate flags per page, oldest first: an import can flag hundreds. */
const FLAGS_PAGE = 100;
type Status = (typeof tabs)[number];

/** Pending wallpapers oldest first; approved/rejected tabs let a curator revisit a decision. */
export function AdminModeration() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>("pending");
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [flagOffset, setFlagOffset] = useState(0);
  const queue = useQuery(
    trpc.admin.moderation.queue.queryOptions({
      status,
      limit: 50,
      duplicatesLimit: FLAGS_PAGE,
      duplicatesOffset: flagOffset,
    }),
  );
  const flagTotal = queue.data?.duplicatesTotal ?? 0;
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.admin.moderation.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.wallpaper.pathKey() });
  };
  const approve = useMutation(trpc.admin.moderation.approve.mutationOptions({ onSuccess: refresh }));
  const reject = useMutation(trpc.admin.moderation.reject.mutationOptions({ onSuccess: refresh }));
  const resolve = useMutation(trpc.admin.moderation.resolveDuplicate.mutationOptions({ onSuccess: refresh }));
  // Deleting is for good, so a rejected wallpaper asks once more before it goes.
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const remove = useMutation(trpc.wallpaper.delete.mutationOptions({ onSuccess: refresh }));
  const error = approve.error ?? reject.error ?? resolve.error ?? remove.error ?? queue.error;

  return (
    <div className="admin-stack">
      <div className="admin-tabs" role="tablist">
        {tabs.map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            aria-selected={status === tab}
            className="admin-tab"
            onClick={() => setStatus(tab)}
          >
            {tab}
            {status === tab && queue.data ? <span className="soon">{queue.data.total}</span> : null}
          </button>
        ))}
      </div>
      {error ? (
        <p className="notice notice-bad" role="alert">
          {describeError(error)}
        </p>
      ) : null}
      {queue.data?.items.length === 0 ? <p className="muted">Nothing here.</p> : null}
      <ul className="moderation-list">
        {queue.data?.items.map((item) => {
          const reason = reasons[item.id] ?? "";
          return (
            <li key={item.id} className="moderation-item" data-testid="moderation-item">
              <AdminPreview wallpaperId={item.id} alt={item.originalFilename ?? "wallpaper"} />
              <div className="moderation-info">
                <strong>{item.originalFilename ?? "untitled"}</strong>
                <span className="muted">
                  {item.width}×{item.height} · {item.mediaType} · uploaded{" "}
                  {new Date(item.createdAt).toLocaleString()}
                  {item.processedAt ? "" : " · still processing"}
                </span>
                {item.moderationReason ? <span>Reason: {item.moderationReason}</span> : null}
                <ContentScores
                  purity={item.purity}
                  puritySource={item.puritySource}
                  classification={item.classification}
                />
                <Link href={`/admin/tag/${item.id}`}>Tag it</Link>
              </div>
              <div className="moderation-actions">
                {item.moderation === "approved" ? null : (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => approve.mutate({ wallpaperIds: [item.id] })}
                  >
                    Approve
                  </button>
                )}
                {item.moderation === "rejected" ? null : (
                  <form
                    className="admin-toolbar"
                    onSubmit={(event) => {
                      event.preventDefault();
                      reject.mutate({ wallpaperIds: [item.id], reason });
                    }}
                  >
                    <input
                      className="input"
                      aria-label="Rejection reason"
                      placeholder="reason (required)"
                      required
                      value={reason}
                      onChange={(event) => setReasons((all) => ({ ...all, [item.id]: event.target.value }))}
                    />
                    <button type="submit" className="button button-ghost button-small">
                      Reject
                    </button>
                  </form>
                )}
                {item.moderation !== "rejected" ? null : confirmDelete === item.id ? (
                  <>
                    <button
                      type="button"
                      className="button button-danger button-small"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate({ wallpaperId: item.id })}
                    >
                      Delete it and its files
                    </button>
                    <button
                      type="button"
                      className="button button-ghost button-small"
                      onClick={() => setConfirmDelete(null)}
                    >
                      Keep it
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="button button-ghost button-small"
                    onClick={() => setConfirmDelete(item.id)}
                  >
                    Delete for good…
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>

      <h2 className="admin-subtitle">
        Near-duplicates{queue.data ? <span className="muted"> ({flagTotal} open)</span> : null}
      </h2>
      <Link href="/admin/duplicates">Review near-duplicates as groups, side by side →</Link>
      {queue.data?.duplicates.length === 0 ? <p className="muted">No open near-duplicate flags.</p> : null}
      <ul className="moderation-list">
        {queue.data?.duplicates.map((flag) => (
          <li key={`${flag.wallpaperId}-${flag.duplicateOf}`} className="moderation-item duplicate-item">
            <AdminPreview wallpaperId={flag.wallpaperId} alt={flag.filename ?? "new"} />
            <AdminPreview wallpaperId={flag.duplicateOf} alt={flag.originalFilename ?? "original"} />
            <div className="moderation-info">
              <strong>
                {flag.filename ?? "untitled"} looks like {flag.originalFilename ?? "an earlier wallpaper"}
              </strong>
              <span className="muted">
                pHash distance {flag.distance} · {flag.width}×{flag.height} vs {flag.originalWidth}×
                {flag.originalHeight}
              </span>
            </div>
            <div className="moderation-actions">
              <button
                type="button"
                className="button button-ghost button-small"
                onClick={() =>
                  resolve.mutate({
                    wallpaperId: flag.wallpaperId,
                    duplicateOf: flag.duplicateOf,
                    action: "keep",
                  })
                }
              >
                Keep both
              </button>
              <button
                type="button"
                className="button button-small"
                onClick={() =>
                  resolve.mutate({
                    wallpaperId: flag.wallpaperId,
                    duplicateOf: flag.duplicateOf,
                    action: "reject",
                  })
                }
              >
                Reject the copy
              </button>
            </div>
          </li>
        ))}
      </ul>
      {flagTotal > FLAGS_PAGE ? (
        <div className="admin-toolbar">
          <button
            type="button"
            className="button button-ghost button-small"
            disabled={flagOffset === 0}
            onClick={() => setFlagOffset(Math.max(0, flagOffset - FLAGS_PAGE))}
          >
            ← Older
          </button>
          <span className="muted">
            {flagOffset + 1}–{Math.min(flagTotal, flagOffset + FLAGS_PAGE)} of {flagTotal}
          </span>
          <button
            type="button"
            className="button button-ghost button-small"
            disabled={flagTotal <= flagOffset + FLAGS_PAGE}
            onClick={() => setFlagOffset(flagOffset + FLAGS_PAGE)}
          >
            Newer →
          </button>
        </div>
      ) : null}
    </div>
  );
}
