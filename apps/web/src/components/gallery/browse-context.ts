import { type RefObject, useEffect, useMemo, useSyncExternalStore } from "react";

/**
 * The search a wallpaper was opened from, so its page can walk that search with ←/→ and Esc can return
 * to the gallery where it was left. Kept in sessionStorage (one tab's browsing, surviving a reload of
 * the wallpaper page); the search's results themselves stay in the TanStack cache under the key
 * `gallerySearchOptions` makes, which both the grid and the wallpaper page read.
 */
export interface BrowseRecord {
  /** The search's query, as GalleryGrid passes it to `gallerySearchOptions`. */
  query: string;
  /** The gallery's URL (path and search): where Esc returns. */
  href: string;
  /** The window's scroll position when the gallery was left. */
  scrollY: number;
  /** The wallpaper opened from the gallery, then the one last walked to. */
  lastViewed: string;
  /** Set while a wallpaper of this search is open; the gallery clears it once it has restored itself. */
  returning: boolean;
}

const KEY = "wallpaperdb:browse";

function storedRecord(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function readBrowseRecord(): BrowseRecord | null {
  return parseBrowseRecord(storedRecord());
}

const noSubscription = () => () => {};

/**
 * The record while rendering: null on the server and while hydrating (the server cannot know the tab's
 * storage), then read at once on every client-side navigation, so a walk's next page has its arrows and
 * its swipe from its first render.
 */
export function useBrowseRecord(): BrowseRecord | null {
  const stored = useSyncExternalStore(noSubscription, storedRecord, () => null);
  return useMemo(() => parseBrowseRecord(stored), [stored]);
}

function parseBrowseRecord(stored: string | null): BrowseRecord | null {
  try {
    const value: unknown = JSON.parse(stored ?? "null");
    if (typeof value !== "object" || value === null) return null;
    const record = value as Partial<BrowseRecord>;
    if (typeof record.query !== "string" || typeof record.href !== "string") return null;
    return {
      query: record.query,
      href: record.href.startsWith("/") ? record.href : "/",
      scrollY: typeof record.scrollY === "number" ? record.scrollY : 0,
      lastViewed: typeof record.lastViewed === "string" ? record.lastViewed : "",
      returning: record.returning === true,
    };
  } catch {
    // Storage disabled or a damaged entry: browse without a search.
    return null;
  }
}

export function writeBrowseRecord(record: BrowseRecord): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(record));
  } catch {
    // Storage full or disabled: the viewer simply has no search to walk.
  }
}

/**
 * The wallpaper page whose history entry sits right after the gallery's (opened from a tile, then only
 * replaced by ←/→), so Esc can go back instead of pushing the gallery again. In memory on purpose: a
 * reload or any other navigation forgets it, and then Esc pushes the gallery's URL instead.
 */
let galleryBehind: string | null = null;

export function isGalleryBehind(id: string): boolean {
  return galleryBehind === id;
}

/** Called when a wallpaper page shows `id`: keeps the mark only if it was made for this page. */
export function settleGalleryBehind(id: string): void {
  if (galleryBehind !== id) galleryBehind = null;
}

/** ←/→ replace the history entry, so what was behind `from` is behind `to`. */
export function carryGalleryBehind(from: string, to: string): void {
  if (galleryBehind === from) galleryBehind = to;
}

/**
 * The gallery's half: records the search, the scroll position and the tile when a tile is opened, and
 * when the gallery is shown again (Back, Esc) it scrolls to where it was, brings the tile of the wallpaper
 * last viewed into view and focuses it. `ready` is true once the tiles are rendered.
 */
export function useGalleryBrowse(query: string, grid: RefObject<HTMLElement | null>, ready: boolean): void {
  useEffect(() => {
    const element = grid.current;
    if (!ready || !element) return;
    const onClick = (event: MouseEvent) => {
      // A new tab or window leaves this one where it is.
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      const tile = event.target instanceof Element ? event.target.closest("a[data-id]") : null;
      if (!(tile instanceof HTMLAnchorElement) || !tile.dataset.id) return;
      writeBrowseRecord({
        query,
        href: `${window.location.pathname}${window.location.search}`,
        scrollY: window.scrollY,
        lastViewed: tile.dataset.id,
        returning: true,
      });
      galleryBehind = tile.dataset.id;
    };
    element.addEventListener("click", onClick);
    return () => element.removeEventListener("click", onClick);
  }, [grid, query, ready]);

  useEffect(() => {
    if (!ready) return;
    const record = readBrowseRecord();
    if (!record?.returning || record.query !== query) return;
    writeBrowseRecord({ ...record, returning: false });
    holdFocus(record.lastViewed);
    const restore = () => {
      window.scrollTo({ top: record.scrollY, behavior: "instant" });
      const tile = tileIn(grid.current, record.lastViewed);
      if (!tile) return;
      tile.scrollIntoView({ block: "nearest", behavior: "instant" });
      tile.focus({ preventScroll: true });
    };
    restore();
    // The router may still scroll after the page's effects have run; the next frame has the last word.
    const frame = requestAnimationFrame(restore);
    return () => cancelAnimationFrame(frame);
  }, [grid, query, ready]);

  // A refetch that lands just after the return (new wallpapers processed meanwhile) may re-render the
  // tiles, or the grid itself, and drop the focus to the page; for a moment the tile takes it back,
  // until the person does anything themselves.
  useEffect(() => {
    const element = grid.current;
    if (!ready || !element || !focusHeld()) return;
    const keep = () => {
      const held = focusHeld();
      if (!held) return observer.disconnect();
      const active = document.activeElement;
      if (active && active !== document.body) return;
      tileIn(element, held)?.focus({ preventScroll: true });
    };
    const observer = new MutationObserver(keep);
    observer.observe(element, { childList: true, subtree: true });
    keep();
    return () => observer.disconnect();
  }, [grid, ready]);
}

const FOCUS_HOLD_MS = 2000;
let heldFocus: { id: string; until: number } | null = null;

function holdFocus(id: string): void {
  heldFocus = { id, until: Date.now() + FOCUS_HOLD_MS };
  const release = () => {
    heldFocus = null;
    for (const type of ["keydown", "pointerdown", "wheel", "touchstart"])
      window.removeEventListener(type, release);
  };
  for (const type of ["keydown", "pointerdown", "wheel", "touchstart"])
    window.addEventListener(type, release, { once: true, passive: true });
}

function focusHeld(): string | null {
  if (heldFocus && Date.now() > heldFocus.until) heldFocus = null;
  return heldFocus?.id ?? null;
}

function tileIn(grid: HTMLElement | null, id: string): HTMLElement | null {
  const tile = grid?.querySelector(`[data-id="${CSS.escape(id)}"]`);
  return tile instanceof HTMLElement ? tile : null;
}
