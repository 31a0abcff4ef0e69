"use client";

import { useSubscription } from "@trpc/tanstack-react-query";
import type { ProgressView } from "@wallpaperdb/pipeline";
import { useState } from "react";
import { useTRPC } from "~/trpc/react.tsx";

export type { ProgressView };

export interface WallpaperProgress {
  view: ProgressView | null;
  /** "pending" while connected and waiting, "connecting" while (re)connecting, "error" when it gave up. */
  connection: "idle" | "connecting" | "pending" | "error";
  error: string | null;
}

/**
 * Live processing progress of one wallpaper. Every item carries the whole (small) view, so the
 * latest one is the truth; reconnection and resuming from the last event id happen in the link.
 */
export function useWallpaperProgress(wallpaperId: string): WallpaperProgress {
  const trpc = useTRPC();
  const [view, setView] = useState<ProgressView | null>(null);
  const subscription = useSubscription(
    trpc.progress.wallpaper.subscriptionOptions(
      { wallpaperId },
      { onData: (item) => setView(item.data.view) },
    ),
  );
  return {
    view,
    connection: subscription.status,
    error: subscription.error?.message ?? null,
  };
}
