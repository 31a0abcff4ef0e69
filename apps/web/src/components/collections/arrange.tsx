"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type KeyboardEvent, type PointerEvent, useEffect, useRef, useState } from "react";
import type { TileCard } from "~/components/gallery/tile.tsx";
import { describeError } from "~/components/shared/describe-error.ts";
import { WallpaperPicture } from "~/components/wallpaper/picture.tsx";
import { useTRPC } from "~/trpc/react.tsx";
import { moveItem } from "./move.ts";

interface Props {
  collectionId: string;
  cards: readonly TileCard[];
}

const labelOf = (card: TileCard) =>
  `${card.mediaType === "video" ? "Video" : "Wallpaper"} ${card.width}×${card.height}`;

/**
 * The owner's arrangement of a collection: every loaded wallpaper in order, reordered by dragging its
 * handle (pointer and touch), or by keyboard: select one (Enter or Space on its handle), move it with
 * the arrow keys, or with its Move up / Move down buttons. Each move is saved at once, one at a time
 * and in order, and announced to screen readers.
 */
export function ArrangeCollection({ collectionId, cards }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [order, setOrder] = useState(() => cards.map((card) => card.id));
  const [selected, setSelected] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const [pending, setPending] = useState(0);
  useEffect(() => {
    if (pending === 0) return;
    // Leaving now would drop the moves still queued.
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [pending]);
  const list = useRef<HTMLOListElement>(null);
  const byId = new Map(cards.map((card) => [card.id, card]));
  const shown = order.filter((id) => byId.has(id));
  // Cards added meanwhile (another tab) go last until the page is reloaded.
  for (const card of cards) if (!order.includes(card.id)) shown.push(card.id);
  const move = useMutation(trpc.collection.move.mutationOptions());
  const remove = useMutation(
    trpc.collection.remove.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.collection.pathKey() }),
    }),
  );

  /** Saves the move of `id` to `to`: after its new neighbour above (the top when none). */
  const commit = (next: string[], id: string) => {
    const index = next.indexOf(id);
    const afterId = index > 0 ? (next[index - 1] ?? null) : null;
    // One at a time, so the server applies them in the order they were made.
    setPending((count) => count + 1);
    saving.current = saving.current
      .then(() => move.mutateAsync({ collectionId, wallpaperId: id, afterId }))
      .catch(() => undefined)
      .finally(() => setPending((count) => count - 1));
    const card = byId.get(id);
    setAnnouncement(
      `${card ? labelOf(card) : "Wallpaper"} moved to position ${index + 1} of ${next.length}.`,
    );
  };

  const moveTo = (id: string, to: number) => {
    const next = moveItem(shown, shown.indexOf(id), to);
    if (next === shown) return;
    setOrder(next);
    commit(next, id);
    // The focus follows the handle of the moved item.
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-handle="${id}"]`)?.focus());
  };

  const onHandleKey = (event: KeyboardEvent<HTMLButtonElement>, id: string) => {
    const index = shown.indexOf(id);
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      const next = selected === id ? null : id;
      setSelected(next);
      setAnnouncement(next ? `Selected position ${index + 1}: move it with the arrow keys.` : "Dropped.");
      return;
    }
    if (event.key === "Escape" && selected) {
      setSelected(null);
      return;
    }
    if (selected !== id) return;
    const step = { ArrowUp: -1, ArrowLeft: -1, ArrowDown: 1, ArrowRight: 1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    moveTo(id, index + step);
  };

  // Dragging: the handle captures the pointer; the item under it is the drop place, shown live.
  const dragStart = useRef<{ id: string; from: number } | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLButtonElement>, id: string) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    dragStart.current = { id, from: shown.indexOf(id) };
    setDragging(id);
  };
  const onPointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    const start = dragStart.current;
    if (!start) return;
    const over = document
      .elementsFromPoint(event.clientX, event.clientY)
      .map((element) => element.closest<HTMLElement>("[data-arrange-id]"))
      .find((element) => element && element.dataset.arrangeId !== start.id);
    const overId = over?.dataset.arrangeId;
    if (!overId) return;
    const to = shown.indexOf(overId);
    const next = moveItem(shown, shown.indexOf(start.id), to);
    if (next !== shown) setOrder(next);
  };
  const onPointerUp = () => {
    const start = dragStart.current;
    dragStart.current = null;
    setDragging(null);
    if (start && shown.indexOf(start.id) !== start.from) commit(shown, start.id);
  };

  return (
    <div className="arrange">
      <p className="muted arrange-help" id="arrange-help">
        Drag a wallpaper by its handle, or select its handle with Enter and move it with the arrow keys.{" "}
        <span className="arrange-saving" data-testid="arrange-saving" data-pending={pending > 0}>
          {pending > 0 ? "Saving…" : "Every move is saved."}
        </span>
      </p>
      <ol className="arrange-list" ref={list} aria-describedby="arrange-help" data-testid="arrange-list">
        {shown.map((id, index) => {
          const card = byId.get(id);
          if (!card) return null;
          const label = labelOf(card);
          return (
            <li
              key={id}
              className="arrange-item"
              data-arrange-id={id}
              data-selected={selected === id}
              data-dragging={dragging === id}
              data-testid="arrange-item"
            >
              <button
                type="button"
                className="arrange-handle"
                data-handle={id}
                aria-pressed={selected === id}
                aria-label={`${label}, position ${index + 1} of ${shown.length}${selected === id ? ", selected" : ""}`}
                onKeyDown={(event) => onHandleKey(event, id)}
                onPointerDown={(event) => onPointerDown(event, id)}
                onPointerMove={onPointerMove}
                onPointerUp={onPointerUp}
                onPointerCancel={onPointerUp}
              >
                <span className="arrange-frame">
                  <WallpaperPicture
                    id={card.id}
                    variants={card.variants}
                    thumbhash={card.thumbhash}
                    fallbackColor={card.colors[0]}
                    alt=""
                    sizes="180px"
                  />
                </span>
                <span className="arrange-position" aria-hidden="true">
                  {index + 1}
                </span>
              </button>
              <span className="arrange-tools">
                <button
                  type="button"
                  className="button button-ghost button-small"
                  disabled={index === 0}
                  aria-label={`Move up: ${label}`}
                  onClick={() => moveTo(id, index - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button-ghost button-small"
                  disabled={index === shown.length - 1}
                  aria-label={`Move down: ${label}`}
                  onClick={() => moveTo(id, index + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button-ghost button-small"
                  aria-label={`Remove from collection: ${label}`}
                  disabled={remove.isPending}
                  onClick={() => {
                    setOrder(shown.filter((other) => other !== id));
                    remove.mutate({ collectionId, wallpaperIds: [id] });
                    setAnnouncement(`${label} removed.`);
                  }}
                >
                  Remove
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p className="sr-only" aria-live="polite" data-testid="arrange-status">
        {announcement}
      </p>
      {move.error || remove.error ? (
        <p className="notice notice-bad" role="alert">
          {move.error ? "A move was not saved; reload to see the saved order. " : ""}
          {describeError(move.error ?? remove.error)}
        </p>
      ) : null}
    </div>
  );
}
