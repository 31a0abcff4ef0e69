"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import {
  createContext,
  type MouseEvent,
  type ReactNode,
  type TouchEvent,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
} from "react";
import {
  carryGalleryBehind,
  isGalleryBehind,
  settleGalleryBehind,
  useBrowseRecord,
  writeBrowseRecord,
} from "~/components/gallery/browse-context.ts";
import { gallerySearchOptions } from "~/components/gallery/search-options.ts";
import { useTRPC } from "~/trpc/react.tsx";
import { type Direction, neighboursOf, swipeDirection } from "./neighbours.ts";

/** Keys typed into a field (or given to a focused video) are not the viewer's. */
export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT", "VIDEO"].includes(target.tagName))
  );
}

/** Pages searched for a wallpaper that a reload left out of the cache, before giving up on the walk. */
const MAX_PAGES_TO_FIND = 5;

/** The wallpaper a walk from inside the full view leads to: its page opens the full view again. */
let fullViewFor: string | null = null;
/** Where a walk already in flight is going, so a second key press walks on from there. */
let walkingTo: string | null = null;

export function opensInFullView(id: string): boolean {
  return fullViewFor === id;
}

interface Browse {
  previous: string | null;
  next: string | null;
  /** No next one loaded yet, but the search has more. */
  more: boolean;
  go(direction: Direction, inFullView: boolean): void;
}

const BrowseContext = createContext<{
  walk: Browse | null;
  galleryHref: string;
  backToGallery(): void;
} | null>(null);

/** The search walk of the wallpaper page, or null where there is none (opened directly). */
export function useBrowse(): Browse | null {
  return useContext(BrowseContext)?.walk ?? null;
}

function useSearchWalk(id: string) {
  const trpc = useTRPC();
  const router = useRouter();
  const record = useBrowseRecord();
  useEffect(() => {
    settleGalleryBehind(id);
    walkingTo = null;
    if (fullViewFor === id) fullViewFor = null;
  }, [id]);
  const search = useInfiniteQuery({
    ...gallerySearchOptions(trpc, record?.query ?? "", { abortOnUnmount: false }),
    enabled: record !== null,
    // The order the reader saw: walking must not refetch every loaded page on each step.
    refetchOnMount: false,
    refetchOnWindowFocus: false,
  });
  const { data, hasNextPage, isFetchingNextPage, fetchNextPage } = search;
  const ids = useMemo(() => data?.pages.flatMap((page) => page.items.map((card) => card.id)) ?? [], [data]);
  const place = record ? neighboursOf(ids, id) : null;

  useEffect(() => {
    if (!record || !hasNextPage || isFetchingNextPage) return;
    // Near the end of what is loaded, load the next page of the same search (the gallery shows it too);
    // after a reload, look for a wallpaper the walk had reached in the next few pages.
    const lost = !place && record.lastViewed === id && (data?.pages.length ?? 0) < MAX_PAGES_TO_FIND;
    if (place?.nearEnd || lost) void fetchNextPage();
  }, [record, place, id, data, hasNextPage, isFetchingNextPage, fetchNextPage]);

  useEffect(() => {
    if (record && place && (record.lastViewed !== id || !record.returning))
      writeBrowseRecord({ ...record, lastViewed: id, returning: true });
  }, [record, place, id]);

  const go = useCallback(
    async (direction: Direction, inFullView: boolean) => {
      const from = walkingTo ?? id;
      let target = direction === "next" ? neighboursOf(ids, from)?.next : neighboursOf(ids, from)?.previous;
      if (!target && direction === "next" && hasNextPage) {
        const loaded = await fetchNextPage();
        const all = loaded.data?.pages.flatMap((page) => page.items.map((card) => card.id)) ?? [];
        target = neighboursOf(all, from)?.next;
      }
      if (!target) return;
      walkingTo = target;
      carryGalleryBehind(from, target);
      fullViewFor = inFullView ? target : null;
      // Replace: Back and Esc return to the gallery, not through every wallpaper walked past.
      router.replace(`/wallpapers/${target}`, { scroll: false });
    },
    [id, ids, hasNextPage, fetchNextPage, router],
  );

  const backToGallery = useCallback(() => {
    if (isGalleryBehind(walkingTo ?? id)) router.back();
    else if (record) {
      // The gallery restores its scroll position and the tile, as it does after Back.
      writeBrowseRecord({ ...record, returning: true });
      router.push(record.href, { scroll: false });
    } else router.push("/");
  }, [id, record, router]);

  const browse: Browse | null = place
    ? {
        previous: place.previous,
        next: place.next,
        more: !place.next && hasNextPage,
        go: (direction, inFullView) => void go(direction, inFullView),
      }
    : null;
  return { browse, backToGallery, galleryHref: record?.href ?? "/" };
}

/**
 * The wallpaper page's walk through the search it was opened from: ←/→ (also inside the full view) go
 * to the previous/next wallpaper, loading the search's next page at the end of what is loaded, and Esc
 * returns to the gallery. Opened without a search (a shared link, a similar wallpaper), there is no
 * order the reader has seen, so there are no arrows; Esc still leads to the gallery.
 */
export function WallpaperBrowse({ id, children }: { id: string; children: ReactNode }) {
  const { browse, backToGallery, galleryHref } = useSearchWalk(id);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      if (isTyping(event.target)) return;
      // A modal owns its keys (Esc closes it), except that the full view walks too.
      const modal = document.querySelector("dialog[open]");
      const inFullView = modal?.classList.contains("full-view") ?? false;
      if (event.key === "Escape" && !modal) backToGallery();
      else if (event.key === "ArrowLeft" && browse && (!modal || inFullView))
        browse.go("previous", inFullView);
      else if (event.key === "ArrowRight" && browse && (!modal || inFullView)) browse.go("next", inFullView);
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [browse, backToGallery]);
  return (
    <BrowseContext.Provider value={{ walk: browse, galleryHref, backToGallery }}>
      {children}
    </BrowseContext.Provider>
  );
}

/** The page's way back: to the search it was opened from, at its position, as Esc does. */
export function GalleryLink() {
  const context = useContext(BrowseContext);
  return (
    <Link
      href={context?.galleryHref ?? "/"}
      data-testid="back-to-gallery"
      aria-keyshortcuts="Escape"
      onClick={(event: MouseEvent) => {
        if (!context || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        context.backToGallery();
      }}
    >
      ← Gallery
    </Link>
  );
}

/** Previous/next controls: links (so they are announced and work by keyboard), walked with replace. */
export function BrowseButtons({ inFullView = false }: { inFullView?: boolean }) {
  const browse = useBrowse();
  if (!browse) return null;
  const link = (direction: Direction, target: string | null) => {
    const label = direction === "next" ? "Next wallpaper" : "Previous wallpaper";
    const common = {
      className: `browse-button browse-${direction}`,
      "data-testid": `browse-${direction}`,
      "aria-label": label,
      title: `${label} (${direction === "next" ? "→" : "←"})`,
      "aria-keyshortcuts": direction === "next" ? "ArrowRight" : "ArrowLeft",
    };
    const glyph = <span aria-hidden="true">{direction === "next" ? "›" : "‹"}</span>;
    if (target)
      return (
        <Link
          {...common}
          href={`/wallpapers/${target}`}
          replace
          onClick={(event: MouseEvent) => {
            if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
            event.preventDefault();
            browse.go(direction, inFullView);
          }}
        >
          {glyph}
        </Link>
      );
    if (direction === "next" && browse.more)
      return (
        <button {...common} type="button" onClick={() => browse.go("next", inFullView)}>
          {glyph}
        </button>
      );
    return null;
  };
  return (
    <>
      {link("previous", browse.previous)}
      {link("next", browse.next)}
    </>
  );
}

/** The stage's box: a sideways swipe on a touch screen walks the search, and the arrows sit on its edges. */
export function BrowseStage({ children }: { children: ReactNode }) {
  const browse = useBrowse();
  // Touch events, not pointer events: they keep coming while the browser scrolls the page vertically.
  const start = useRef<{ x: number; y: number } | null>(null);
  const onTouchStart = (event: TouchEvent) => {
    const touch = event.touches[0];
    // The full view (a dialog inside the stage) has its own swipe.
    const inDialog = event.target instanceof Element && event.target.closest("dialog") !== null;
    start.current =
      event.touches.length === 1 && touch && !inDialog ? { x: touch.clientX, y: touch.clientY } : null;
  };
  const onTouchEnd = (event: TouchEvent) => {
    const from = start.current;
    const touch = event.changedTouches[0];
    start.current = null;
    if (!from || !touch || !browse) return;
    const direction = swipeDirection(touch.clientX - from.x, touch.clientY - from.y);
    if (direction) browse.go(direction, false);
  };
  return (
    <div
      className="wallpaper-stage"
      data-testid="wallpaper-stage"
      // Capture: a video's own controls must not keep the stroke from the stage.
      onTouchStartCapture={onTouchStart}
      onTouchEndCapture={onTouchEnd}
      onTouchCancelCapture={() => {
        start.current = null;
      }}
    >
      {children}
      <BrowseButtons />
    </div>
  );
}
