"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { ProcessingProgress } from "./processing-progress.tsx";

/**
 * The wallpaper page while the workers are still at it: the same live steps as the upload page, and
 * once it is ready the server component re-renders in place (router.refresh, no reload) with the
 * picture, palette and quality the steps produced.
 */
export function WallpaperLiveProgress({ wallpaperId }: { wallpaperId: string }) {
  const router = useRouter();
  const onSettled = useCallback(
    (status: "ready" | "failed") => {
      if (status === "ready") router.refresh();
    },
    [router],
  );
  return <ProcessingProgress wallpaperId={wallpaperId} onSettled={onSettled} />;
}
