"use client";

import { useCallback, useMemo, useState } from "react";

export interface Selection {
  ids: string[];
  has(id: string): boolean;
  toggle(id: string): void;
  /** Adds these ids, keeping the rest (a shift-click range). */
  add(ids: readonly string[]): void;
  set(ids: readonly string[]): void;
  clear(): void;
}

/** A set of selected wallpaper ids for a grid (the gallery's select mode, /admin/bulk), fed to <BulkTagBar>. */
export function useSelection(): Selection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback((id: string) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const add = useCallback(
    (ids: readonly string[]) => setSelected((current) => new Set([...current, ...ids])),
    [],
  );
  const set = useCallback((ids: readonly string[]) => setSelected(new Set(ids)), []);
  const clear = useCallback(() => setSelected(new Set()), []);
  return useMemo(
    () => ({ ids: [...selected], has: (id: string) => selected.has(id), toggle, add, set, clear }),
    [selected, toggle, add, set, clear],
  );
}
