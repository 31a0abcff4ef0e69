"use client";

import { type Dispatch, type SetStateAction, useEffect, useRef, useState } from "react";
import type { UploadItem } from "./queue.ts";
import { loadSavedQueue, saveQueue } from "./saved-queue.ts";

/** How often at most the queue is written while bytes flow; it is always written as the page goes. */
const SAVE_INTERVAL_MS = 500;

/**
 * Keeps the queue in the tab's storage (saved-queue.ts): brings back what a reload left, after
 * hydration since storage is not readable on the server, then writes the rows as they change. Answers
 * whether the saved rows are back.
 */
export function useSavedQueue(
  items: readonly UploadItem[],
  setItems: Dispatch<SetStateAction<UploadItem[]>>,
): boolean {
  const [restored, setRestored] = useState(false);
  const current = useRef(items);
  const saveTimer = useRef<number | null>(null);

  useEffect(() => {
    current.current = items;
  }, [items]);

  useEffect(() => {
    const saved = loadSavedQueue();
    // By id: React's development double mount runs this twice.
    setItems((previous) => {
      const known = new Set(previous.map((item) => item.id));
      return [...saved.filter((item) => !known.has(item.id)), ...previous];
    });
    setRestored(true);
  }, [setItems]);

  useEffect(() => {
    if (!restored || saveTimer.current !== null) return;
    saveTimer.current = window.setTimeout(() => {
      saveTimer.current = null;
      saveQueue(current.current);
    }, SAVE_INTERVAL_MS);
  }, [items, restored]);

  useEffect(() => {
    if (!restored) return;
    // A reload fires pagehide: the last progress and the tus address are written before the page goes.
    const flush = () => saveQueue(current.current);
    flush();
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      if (saveTimer.current !== null) window.clearTimeout(saveTimer.current);
      saveTimer.current = null;
    };
  }, [restored]);

  return restored;
}
