"use client";

import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { BulkTagBar } from "~/components/tags/bulk-bar.tsx";
import { useSelection } from "~/components/tags/selection.ts";
import { useTRPC } from "~/trpc/react.tsx";
import { AdminPreview } from "./preview.tsx";

/** Search the gallery, tick wallpapers (click, or "select all"), then add/remove tags on all of them. */
export function AdminBulk() {
  const trpc = useTRPC();
  const [draft, setDraft] = useState("");
  const [q, setQ] = useState("");
  const selection = useSelection();
  const results = useQuery(trpc.wallpaper.search.queryOptions(q ? { q, limit: 96 } : { limit: 96 }));
  const items = results.data?.items ?? [];
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQ(draft.trim());
    selection.clear();
  };
  return (
    <div className="admin-stack">
      <form className="admin-toolbar" onSubmit={onSearch}>
        <input
          className="input"
          type="search"
          aria-label="Search wallpapers"
          placeholder="search, e.g. landscape atleast:1920x1080"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button className="button button-ghost" type="submit">
          Search
        </button>
        <button
          className="button button-ghost"
          type="button"
          onClick={() => selection.set(items.map((i) => i.id))}
        >
          Select all {items.length}
        </button>
        <button className="button button-ghost" type="button" onClick={selection.clear}>
          Clear
        </button>
      </form>
      {results.error ? <p className="notice notice-bad">{describeError(results.error)}</p> : null}
      <BulkTagBar selectedIds={selection.ids} />
      <ul className="thumb-grid">
        {items.map((item) => (
          <li key={item.id}>
            <label className="thumb thumb-selectable" data-selected={selection.has(item.id)}>
              <input
                type="checkbox"
                aria-label={`Select wallpaper ${item.id}`}
                checked={selection.has(item.id)}
                onChange={() => selection.toggle(item.id)}
              />
              <AdminPreview wallpaperId={item.id} alt="" />
            </label>
          </li>
        ))}
      </ul>
      {items.length === 0 && !results.isPending ? <p className="muted">No wallpapers match.</p> : null}
    </div>
  );
}
