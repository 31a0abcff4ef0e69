"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";

/**
 * For its uploader and curators: delete in two steps (ask, then confirm), since nothing brings a
 * deleted wallpaper back. Afterwards the page says so instead of showing what no longer exists.
 */
export function WallpaperDelete({ wallpaperId }: { wallpaperId: string }) {
  const trpc = useTRPC();
  const [asking, setAsking] = useState(false);
  const queryClient = useQueryClient();
  // The gallery the reader goes back to may still hold it.
  const remove = useMutation(
    trpc.wallpaper.delete.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.wallpaper.pathKey() }),
    }),
  );

  if (remove.isSuccess) {
    return (
      <section className="card" data-testid="wallpaper-deleted">
        <p className="notice notice-ok">
          <strong>Deleted.</strong> Its files are removed in the background.
        </p>
        <p style={{ margin: "10px 0 0" }}>
          <Link href="/">Back to the gallery</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="delete-title" data-testid="wallpaper-delete">
      <h2 id="delete-title">Delete</h2>
      {asking ? (
        <>
          <p style={{ margin: "0 0 10px" }}>
            Delete this wallpaper for good? Its files, tags and history go with it.
          </p>
          <div style={{ display: "flex", gap: 8 }}>
            <button
              className="button button-danger"
              type="button"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ wallpaperId })}
            >
              {remove.isPending ? "Deleting…" : "Yes, delete it"}
            </button>
            <button className="button button-ghost" type="button" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </>
      ) : (
        <button className="button button-ghost" type="button" onClick={() => setAsking(true)}>
          Delete wallpaper…
        </button>
      )}
      {remove.error ? (
        <p className="notice notice-bad" role="alert" style={{ marginTop: 10 }}>
          {describeError(remove.error)}
        </p>
      ) : null}
    </section>
  );
}
