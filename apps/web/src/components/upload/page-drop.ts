"use client";

import { useEffect, useRef, useState } from "react";

// dragover repeats every few dozen milliseconds while a drag is over the page; dragleave fires for
// every child crossed, so "still dragging" is "a dragover arrived recently".
const DRAG_IDLE_MS = 250;

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes("Files") ?? false;
}

/**
 * Files dropped anywhere on the page are taken like a drop on the dropzone: without this the browser
 * opens the file itself and the page, with its running uploads, is gone. `onFiles` null (nobody may
 * upload) still stops the browser from navigating away. Returns whether files are being dragged over
 * the page, so the dropzone can light up.
 */
export function usePageDrop(onFiles: ((files: File[]) => void) | null): boolean {
  const [dragging, setDragging] = useState(false);
  const latest = useRef(onFiles);
  useEffect(() => {
    latest.current = onFiles;
  }, [onFiles]);

  useEffect(() => {
    let idle: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      clearTimeout(idle);
      setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = latest.current ? "copy" : "none";
      setDragging(true);
      clearTimeout(idle);
      idle = setTimeout(stop, DRAG_IDLE_MS);
    };
    const drop = (event: DragEvent) => {
      stop();
      // The dropzone took it already (its handler ran first and prevented the default).
      if (event.defaultPrevented || !carriesFiles(event)) return;
      event.preventDefault();
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length > 0) latest.current?.(files);
    };
    window.addEventListener("dragenter", over);
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    window.addEventListener("dragend", stop);
    return () => {
      stop();
      window.removeEventListener("dragenter", over);
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
      window.removeEventListener("dragend", stop);
    };
  }, []);

  return dragging;
}
