"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { AdminPreview } from "~/components/admin/preview.tsx";
import { useTRPC } from "~/trpc/react.tsx";

/** The tagging queue: recent wallpapers; pick one (or the first) and move through them with j/k. */
export function TagQueueStart() {
  const trpc = useTRPC();
  const queue = useQuery(trpc.wallpaper.search.queryOptions({ limit: 48 }));
  const items = queue.data?.items ?? [];
  return (
    <div className="admin-stack">
      <p className="muted">
        Recently uploaded wallpapers, newest first. In the tagging view: type to add, <kbd>Enter</kbd> adds,{" "}
        <kbd>Backspace</kbd> on an empty box removes the last tag, <kbd>1</kbd>–<kbd>9</kbd> accept
        suggestions, <kbd>j</kbd>/<kbd>k</kbd> move.
      </p>
      {items[0] ? (
        <p>
          <Link className="button" href={`/admin/tag/${items[0].id}`}>
            Start tagging
          </Link>
        </p>
      ) : (
        <p className="muted">{queue.isPending ? "Loading…" : "No wallpapers to tag yet."}</p>
      )}
      <ul className="thumb-grid">
        {items.map((item) => (
          <li key={item.id}>
            <Link href={`/admin/tag/${item.id}`} className="thumb" aria-label={`Tag wallpaper ${item.id}`}>
              <AdminPreview wallpaperId={item.id} alt="" />
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
