"use client";

import { useEffect, useRef, useState } from "react";

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
    // dragleave fires for every element the pointer leaves, dragenter for every one it enters: the
    // drag is over the page while more were entered than left.
    let depth = 0;
    const stop = () => {
      depth = 0;
      setDragging(false);
    };
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without preventDefault on dragover the browser would not fire drop here but open the file.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = latest.current ? "copy" : "none";
    };
    const drop = (event: DragEvent) => {
      stop();
      // The dropzone took it already (its handler ran first and prevented the default).
      if (event.defaultPrevented || !carriesFiles(event)) return;
      event.preventDefault();
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length > 0) latest.current?.(files);
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragleave", leave);
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    window.addEventListener("dragend", stop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
      window.removeEventListener("dragend", stop);
    };
  }, []);

  return dragging;
}
