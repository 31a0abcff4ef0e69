"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "~/trpc/react.tsx";

/**
 * Tells the server that this wallpaper was shown to a person (`popularity.view`): sent from the
 * browser once the page is on screen, so server renders and the viewer's prefetches of its neighbours
 * never count, and walking to the next wallpaper counts that one. The server counts each visitor once
 * a day; a failure only loses one view, so it is not shown.
 */
export function CountView({ wallpaperId }: { wallpaperId: string }) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.popularity.view.mutationOptions());
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (sent.current === wallpaperId) return;
    sent.current = wallpaperId;
    mutate({ wallpaperId });
  }, [wallpaperId, mutate]);
  return null;
}
