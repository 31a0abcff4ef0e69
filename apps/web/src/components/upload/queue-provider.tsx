"use client";

import { createContext, type ReactNode, useContext, useEffect } from "react";
import { isActive, useUploadQueue } from "./queue.ts";
import { UploadTray } from "./tray.tsx";

type UploadQueue = ReturnType<typeof useUploadQueue>;

const UploadQueueContext = createContext<UploadQueue | null>(null);

/**
 * The upload queue lives above the pages (in the root layout), so moving to the gallery and back keeps
 * every row, its state and its running transfer; leaving the app asks first, and a reload keeps the rows
 * (saved-queue.ts), with unfinished ones waiting for their file to be chosen again to resume.
 */
export function UploadQueueProvider({ children }: { children: ReactNode }) {
  const queue = useUploadQueue();
  const unfinished = queue.items.filter((item) => isActive(item.state)).length;

  useEffect(() => {
    if (unfinished === 0) return;
    const warn = (event: BeforeUnloadEvent) => {
      // Browsers show their own wording; preventDefault is what asks, returnValue is for older ones.
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unfinished]);

  return (
    <UploadQueueContext.Provider value={queue}>
      {children}
      <UploadTray items={queue.items} />
    </UploadQueueContext.Provider>
  );
}

export function useUploads(): UploadQueue {
  const queue = useContext(UploadQueueContext);
  if (!queue) throw new Error("useUploads needs <UploadQueueProvider> in the root layout");
  return queue;
}
