"use client";

import { useQuery } from "@tanstack/react-query";
import { canCurate } from "@wallpaperdb/auth/roles";
import { useCallback, useRef, useState } from "react";
import { AddToCollection } from "~/components/collections/picker.tsx";
import { BulkTagBar } from "~/components/tags/bulk-bar.tsx";
import { type Selection, useSelection } from "~/components/tags/selection.ts";
import { useTRPC } from "~/trpc/react.tsx";

export interface GallerySelect {
  /** Signed in: select mode is offered (to add the selection to a collection). */
  allowed: boolean;
  /** The viewer may bulk-tag (curator or admin); the procedure checks the role again. */
  mayTag: boolean;
  active: boolean;
  selection: Selection;
  /** A tile was clicked in select mode; `range` (shift) selects everything from the last clicked tile. */
  select(index: number, range: boolean): void;
  setActive(active: boolean): void;
}

/** Select mode for the gallery grid: which tiles are ticked, and shift-click ranges over `ids`. */
export function useGallerySelect(ids: readonly string[]): GallerySelect {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const allowed = Boolean(me.data);
  const mayTag = me.data ? canCurate(me.data.role) : false;
  const [active, setActiveState] = useState(false);
  const selection = useSelection();
  const anchor = useRef<number | null>(null);
  const select = useCallback(
    (index: number, range: boolean) => {
      const id = ids[index];
      if (!id) return;
      const from = anchor.current;
      if (range && from !== null) {
        selection.add(ids.slice(Math.min(from, index), Math.max(from, index) + 1));
      } else {
        selection.toggle(id);
      }
      anchor.current = index;
    },
    [ids, selection],
  );
  const setActive = useCallback(
    (next: boolean) => {
      setActiveState(next);
      anchor.current = null;
      if (!next) selection.clear();
    },
    [selection],
  );
  return { allowed, mayTag, active: allowed && active, selection, select, setActive };
}

/**
 * The toolbar above the grid for a signed-in account: enter/leave select mode, select all loaded, add
 * the selection to a collection, and (curators) the bulk tag bar.
 */
export function GallerySelectBar({
  state,
  loadedIds,
}: {
  state: GallerySelect;
  loadedIds: readonly string[];
}) {
  if (!state.allowed) return null;
  const { active, selection } = state;
  return (
    <>
      <div className="gallery-select" data-testid="gallery-select">
        <div className="gallery-select-tools">
          <button
            type="button"
            className="button button-ghost button-small"
            aria-pressed={active}
            onClick={() => state.setActive(!active)}
          >
            {active ? "Done selecting" : "Select"}
          </button>
          {active ? (
            <>
              <button
                type="button"
                className="button button-ghost button-small"
                onClick={() => selection.set(loadedIds)}
              >
                Select all loaded ({loadedIds.length})
              </button>
              <button type="button" className="button button-ghost button-small" onClick={selection.clear}>
                Clear selection
              </button>
              <AddToCollection wallpaperIds={selection.ids} />
              <span className="muted">Click tiles to tick them; shift-click ticks a range.</span>
            </>
          ) : null}
        </div>
      </div>
      {/* A sibling of the grid, not inside the tools: a sticky box sticks only within its parent, and the
          bar should follow the curator down the grid. It invalidates wallpaper queries, this grid's too. */}
      {active && state.mayTag ? <BulkTagBar selectedIds={selection.ids} /> : null}
    </>
  );
}
