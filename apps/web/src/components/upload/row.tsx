"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { errorMessageFor } from "~/components/shared/error-messages.ts";
import { formatBytes, formatSpeed } from "~/components/shared/format.ts";
import { ProcessingProgress } from "~/components/wallpaper/processing-progress.tsx";
import { isActive, type UploadItem, type UploadState } from "./queue.ts";

const stateLabel: Record<UploadState, string> = {
  queued: "Queued",
  hashing: "Hashing",
  checking: "Checking",
  uploading: "Uploading",
  paused: "Paused",
  processing: "Processing",
  interrupted: "Interrupted",
  added: "Added",
  duplicate: "Duplicate",
  rejected: "Rejected",
  failed: "Failed",
};

const tone: Partial<Record<UploadState, string>> = {
  added: "ok",
  duplicate: "ok",
  rejected: "bad",
  failed: "bad",
  paused: "pending",
  interrupted: "pending",
};

interface Props {
  item: UploadItem;
  onPause: (id: string) => void;
  onResume: (id: string) => void;
  onRetry: (id: string) => void;
  onChooseFile: (id: string, file: File) => void;
  onDismiss: (id: string) => void;
}

function Outcome({ item }: { item: UploadItem }) {
  switch (item.state) {
    case "added":
      return (
        <span>
          Added as <Link href={`/wallpapers/${item.wallpaperId ?? ""}`}>wallpaper</Link>
        </span>
      );
    case "duplicate":
      return (
        <span>
          Duplicate of <Link href={`/wallpapers/${item.wallpaperId ?? ""}`}>an existing wallpaper</Link>
        </span>
      );
    case "rejected":
      return <span>Rejected: {item.message ?? errorMessageFor(item.code)}</span>;
    case "failed":
      return <span>Failed: {item.message ?? "network error"}</span>;
    case "interrupted":
      // A reload ends the transfer and the browser forgets the file; the server keeps what it got.
      return (
        <span>
          Interrupted: choose or drop the file again to {item.resume?.uploadUrl ? "resume" : "upload it"}.
        </span>
      );
    default:
      return null;
  }
}

/** The interrupted row's own file chooser, for when dropping on the page is not at hand (a phone). */
function ChooseAgain({ item, onChooseFile }: { item: UploadItem; onChooseFile: Props["onChooseFile"] }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="button button-small" onClick={() => input.current?.click()}>
        Choose file <span className="sr-only">{item.file.name}</span>
      </button>
      <input
        ref={input}
        type="file"
        accept="image/*,video/*"
        className="sr-only"
        tabIndex={-1}
        aria-label={`Choose ${item.file.name} again`}
        data-testid="choose-again"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onChooseFile(item.id, file);
          event.target.value = "";
        }}
      />
    </>
  );
}

export function UploadRow({ item, onPause, onResume, onRetry, onChooseFile, onDismiss }: Props) {
  const { file } = item;
  // The browser trusts the extension for the type; a file that is not really an image shows its extension.
  const [previewFailed, setPreviewFailed] = useState(false);
  const preview = previewFailed ? null : item.previewUrl;
  const percent = file.size > 0 ? Math.min(100, Math.round((item.bytesDone / file.size) * 100)) : 100;
  const showBar =
    item.state === "uploading" ||
    item.state === "paused" ||
    item.state === "processing" ||
    (item.state === "interrupted" && item.bytesDone > 0);
  const badge = tone[item.state] ?? "pending";
  return (
    <li className="upload-row" data-testid="upload-row" data-state={item.state} data-filename={file.name}>
      <div className="upload-thumb" aria-hidden="true">
        {preview && file.type.startsWith("image/") ? (
          <img src={preview} alt="" loading="lazy" decoding="async" onError={() => setPreviewFailed(true)} />
        ) : preview ? (
          <video src={preview} muted preload="metadata" onError={() => setPreviewFailed(true)} />
        ) : (
          <span className="upload-thumb-empty">{file.name.split(".").pop()?.slice(0, 4) ?? "?"}</span>
        )}
      </div>
      <div className="upload-main">
        <div className="upload-line">
          <span className="upload-name" title={file.name}>
            {file.name}
          </span>
          <span className="upload-size muted">{formatBytes(file.size)}</span>
        </div>
        {showBar ? (
          <div className="upload-progress">
            <progress
              className="upload-bar"
              max={100}
              value={percent}
              aria-label={`${file.name} upload progress`}
            />
            <span className="upload-percent">{percent}%</span>
            <span className="upload-speed muted">
              {item.state === "uploading" ? formatSpeed(item.bytesPerSecond) : ""}
            </span>
          </div>
        ) : null}
        <div className="upload-outcome" data-testid="upload-outcome" role="status">
          <Outcome item={item} />
        </div>
        {item.state === "added" && item.wallpaperId ? (
          <ProcessingProgress wallpaperId={item.wallpaperId} />
        ) : null}
      </div>
      <div className="upload-side">
        <span className={`badge badge-${badge}`} data-testid="upload-state">
          {stateLabel[item.state]}
        </span>
        {item.state === "uploading" ? (
          <button type="button" className="button button-ghost button-small" onClick={() => onPause(item.id)}>
            Pause <span className="sr-only">{file.name}</span>
          </button>
        ) : null}
        {item.state === "paused" ? (
          <button type="button" className="button button-small" onClick={() => onResume(item.id)}>
            Resume <span className="sr-only">{file.name}</span>
          </button>
        ) : null}
        {item.state === "failed" ? (
          <button type="button" className="button button-small" onClick={() => onRetry(item.id)}>
            Retry <span className="sr-only">{file.name}</span>
          </button>
        ) : null}
        {item.state === "interrupted" ? <ChooseAgain item={item} onChooseFile={onChooseFile} /> : null}
        {isActive(item.state) ? null : (
          <button
            type="button"
            className="button button-ghost button-small upload-dismiss"
            onClick={() => onDismiss(item.id)}
            aria-label={`Dismiss ${file.name}`}
            title="Dismiss"
          >
            ×
          </button>
        )}
      </div>
    </li>
  );
}
