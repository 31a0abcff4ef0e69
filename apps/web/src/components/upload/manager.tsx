"use client";

import type { Purity } from "@wallpaperdb/db/purity";
import { useCallback, useState } from "react";
import { formatBytes } from "~/components/shared/format.ts";
import { UploadDropzone } from "./dropzone.tsx";
import { usePageDrop } from "./page-drop.ts";
import { UploadPurity } from "./purity.tsx";
import { isActive, type UploadItem } from "./queue.ts";
import { useUploads } from "./queue-provider.tsx";
import { UploadRow } from "./row.tsx";
import { SignInToUpload } from "./sign-in-notice.tsx";
import "./upload.css";

function summaryText(items: readonly UploadItem[]): string {
  const count = (state: UploadItem["state"]) => items.filter((item) => item.state === state).length;
  const pending = items.filter((item) => isActive(item.state)).length;
  const parts = [
    `${count("added")} added`,
    `${count("duplicate")} duplicate`,
    `${count("rejected")} rejected`,
  ];
  const failed = count("failed");
  if (failed > 0) parts.push(`${failed} failed`);
  const interrupted = count("interrupted");
  if (interrupted > 0) parts.push(`${interrupted} interrupted`);
  if (pending > 0) parts.push(`${pending} in progress`);
  const total = items.reduce((sum, item) => sum + item.file.size, 0);
  return `${items.length} file${items.length === 1 ? "" : "s"} (${formatBytes(total)}): ${parts.join(" · ")}`;
}

export function UploadManager({ mayUpload }: { mayUpload: boolean }) {
  const { items, restored, addFiles, reattach, dismiss, pause, resume, retry } = useUploads();
  // Not chosen until the uploader picks one: the content model suggests it then.
  const [purity, setPurity] = useState<Purity | null>(null);
  const addWithPurity = useCallback(
    (files: Iterable<File>) => addFiles(files, purity ?? undefined),
    [addFiles, purity],
  );
  const dragging = usePageDrop(mayUpload ? addWithPurity : null);
  if (!mayUpload) {
    return (
      <section className="upload-manager" aria-label="Upload wallpapers">
        <SignInToUpload />
      </section>
    );
  }
  return (
    <section className="upload-manager" aria-label="Upload wallpapers">
      <UploadPurity value={purity} onChange={setPurity} />
      <UploadDropzone onFiles={addWithPurity} pageDragging={dragging} />
      <p className="upload-summary" aria-live="polite" data-testid="upload-summary">
        {items.length > 0
          ? summaryText(items)
          : restored
            ? "No files yet. Up to three upload at a time."
            : "\u00a0"}
      </p>
      {items.length > 0 ? (
        <ul className="upload-list" aria-label="Files">
          {items.map((item) => (
            <UploadRow
              key={item.id}
              item={item}
              onPause={pause}
              onResume={resume}
              onRetry={retry}
              onChooseFile={reattach}
              onDismiss={dismiss}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
