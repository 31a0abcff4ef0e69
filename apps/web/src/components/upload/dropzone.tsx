"use client";

import { type DragEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";

interface Props {
  onFiles: (files: File[]) => void;
  /** Files are being dragged somewhere over the page: a drop anywhere lands here (page-drop.ts). */
  pageDragging: boolean;
}

export function UploadDropzone({ onFiles, pageDragging }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  // Until the page's script runs, Enter and clicks on the zone do nothing: say so (tests wait for it).
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) onFiles(files);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      input.current?.click();
    }
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: a drop target must be a block that can hold dropped files; it behaves as a button for keyboards.
    <div
      className={`dropzone${over || pageDragging ? " dropzone-over" : ""}`}
      data-testid="dropzone"
      data-ready={ready}
      aria-busy={!ready}
      role="button"
      tabIndex={0}
      aria-describedby="dropzone-hint"
      aria-label="Add wallpapers: drop files here or press Enter to choose"
      onClick={() => input.current?.click()}
      onKeyDown={onKeyDown}
      onDragEnter={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <span className="dropzone-icon" aria-hidden="true">
        ⇪
      </span>
      <strong>Drop wallpapers here</strong>
      <span className="muted" id="dropzone-hint">
        or click to choose files · JPEG, PNG, WebP, AVIF, GIF, MP4, WebM, MOV
      </span>
      <input
        ref={input}
        type="file"
        multiple
        accept="image/*,video/*"
        className="sr-only"
        tabIndex={-1}
        aria-label="Choose files to upload"
        data-testid="file-input"
        onClick={(event) => event.stopPropagation()}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          if (files.length > 0) onFiles(files);
          event.target.value = "";
        }}
      />
    </div>
  );
}
