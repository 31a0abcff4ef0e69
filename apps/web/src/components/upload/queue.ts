"use client";

import {
  runUpload,
  tusStatus,
  type UploadMemo,
  type UploadOutcome,
  type UploadPhase,
} from "@wallpaperdb/client/protocol";
import type { Purity } from "@wallpaperdb/db/purity";
import { useCallback, useEffect, useRef, useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPCClient } from "~/trpc/react.tsx";
import { sameFile } from "./saved-queue.ts";
import { sha256OfBlob, startTransfer, type Transfer } from "./transfer.ts";
import { useSavedQueue } from "./use-saved-queue.ts";

export type UploadState =
  | "queued"
  | "hashing"
  | "checking"
  | "uploading"
  | "paused"
  | "processing"
  | "interrupted"
  | "added"
  | "duplicate"
  | "rejected"
  | "failed";

/** What a row shows of its file; a row restored after a reload has this but no File until chosen again. */
export type FileInfo = Pick<File, "name" | "size" | "type" | "lastModified">;

/** Where a transfer can go on from after a reload (saved-queue.ts). */
export interface ResumePoint {
  sha256?: string;
  uploadId?: string;
  endpoint?: string;
  /** The tus upload's address: a HEAD there answers how many bytes the server holds. */
  uploadUrl?: string;
}

export interface UploadItem {
  id: string;
  file: FileInfo;
  previewUrl: string | null;
  state: UploadState;
  bytesDone: number;
  bytesPerSecond: number;
  resume?: ResumePoint;
  wallpaperId?: string;
  code?: string;
  message?: string;
}

/** What survives between attempts of one file: a retry neither re-hashes nor re-sends received bytes. */
interface Runner extends UploadMemo {
  /** The purity chosen when the file was added (upload.create; sfw when left out). */
  purity?: Purity;
  file?: File;
  /** The hash a reload saved: a file chosen again resumes only if it hashes the same. */
  expectedSha256?: string;
  /** The tus address a reload saved, used until this page's own transfer has one. */
  savedUploadUrl?: string;
  transfer?: Transfer;
  lastSample?: { at: number; bytes: number };
}

const CONCURRENCY = 3;
const BUSY: ReadonlySet<UploadState> = new Set(["hashing", "checking", "uploading", "processing"]);
export const FINISHED: ReadonlySet<UploadState> = new Set(["added", "duplicate", "rejected", "failed"]);

/** Work that is under way in this page: lost if the page goes, so leaving asks first. */
export function isActive(state: UploadState): boolean {
  return !FINISHED.has(state) && state !== "interrupted";
}

// Row ids must not repeat those a reload restored, so each page load has its own prefix.
const idPrefix = `u${Math.random().toString(36).slice(2, 8)}-`;
let nextId = 0;

/** How the row shows a step of the protocol. */
function phaseChange(phase: UploadPhase, size: number): Partial<UploadItem> {
  switch (phase) {
    case "hashing":
      return { state: "hashing", bytesDone: 0 };
    case "checking":
      return { state: "checking" };
    case "uploading":
      return { state: "uploading", bytesDone: 0, bytesPerSecond: 0 };
    case "processing":
      return { state: "processing", bytesDone: size, bytesPerSecond: 0 };
  }
}

function outcomeChange(outcome: UploadOutcome, size: number): Partial<UploadItem> {
  if (outcome.status === "rejected")
    return { state: "rejected", code: outcome.code, message: outcome.message };
  return { state: outcome.status, wallpaperId: outcome.wallpaperId, bytesDone: size };
}

function resumePointOf(runner: Runner): ResumePoint {
  const uploadUrl = runner.transfer?.upload.url ?? runner.savedUploadUrl;
  return {
    ...(runner.sha256 ? { sha256: runner.sha256 } : {}),
    ...(runner.uploadId ? { uploadId: runner.uploadId } : {}),
    ...(runner.endpoint ? { endpoint: runner.endpoint } : {}),
    ...(uploadUrl ? { uploadUrl } : {}),
  };
}

function previewOf(file: File): string | null {
  const previewable = file.type.startsWith("image/") || file.type.startsWith("video/");
  return previewable ? URL.createObjectURL(file) : null;
}

export function useUploadQueue() {
  const client = useTRPCClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const current = useRef(items);
  const runners = useRef(new Map<string, Runner>());
  const started = useRef(new Set<string>());
  const previews = useRef(new Set<string>());

  useEffect(() => {
    current.current = items;
  }, [items]);
  // False until the rows a reload left in storage are back, so the page does not say "No files yet" first.
  const restored = useSavedQueue(items, setItems);

  const patch = useCallback((id: string, change: Partial<UploadItem>) => {
    setItems((previous) => previous.map((item) => (item.id === id ? { ...item, ...change } : item)));
  }, []);

  const onBytes = useCallback(
    (id: string, runner: Runner, bytes: number) => {
      const now = performance.now();
      const last = runner.lastSample;
      // Progress events fire per network chunk; a few updates a second are enough for the eye.
      if (last && now - last.at < 200) return;
      const speed = last ? ((bytes - last.bytes) * 1000) / Math.max(1, now - last.at) : 0;
      runner.lastSample = { at: now, bytes };
      patch(id, { bytesDone: bytes, bytesPerSecond: Math.max(0, speed) });
    },
    [patch],
  );

  const run = useCallback(
    async (item: UploadItem) => {
      const runner = runners.current.get(item.id);
      const file = runner?.file;
      if (!runner || !file) {
        patch(item.id, { state: "interrupted" });
        return;
      }
      try {
        const outcome = await runUpload(
          { filename: file.name, size: file.size, type: file.type, purity: runner.purity },
          {
            api: client.upload,
            hash: async () => {
              const sha256 = await sha256OfBlob(file);
              // Same name, size and date but other bytes: the saved upload is not this file's.
              if (runner.expectedSha256 && runner.expectedSha256 !== sha256) {
                delete runner.uploadId;
                delete runner.endpoint;
                delete runner.savedUploadUrl;
              }
              delete runner.expectedSha256;
              return sha256;
            },
            send: (target, onProgress) => {
              runner.transfer = startTransfer({
                file,
                target,
                resumeUrl: runner.transfer?.upload.url ?? runner.savedUploadUrl ?? null,
                onProgress,
                onUploadUrl: () => patch(item.id, { resume: resumePointOf(runner) }),
              });
              return runner.transfer.done;
            },
          },
          {
            memo: runner,
            onPhase: (phase) => {
              if (phase === "uploading") runner.lastSample = undefined;
              patch(item.id, { ...phaseChange(phase, file.size), resume: resumePointOf(runner) });
            },
            onBytes: (sent) => onBytes(item.id, runner, sent),
          },
        );
        patch(item.id, outcomeChange(outcome, file.size));
      } catch (error) {
        // The server no longer has the upload (expired while the tab was away): Retry starts a new one.
        const status = tusStatus(error);
        if (status === 404 || status === 410) {
          delete runner.uploadId;
          delete runner.endpoint;
          delete runner.savedUploadUrl;
          delete runner.transfer;
        }
        patch(item.id, { state: "failed", message: describeError(error), resume: resumePointOf(runner) });
      }
    },
    [client, patch, onBytes],
  );

  // Start queued files while fewer than CONCURRENCY are busy; paused files give their slot away.
  useEffect(() => {
    let busy = items.filter((item) => BUSY.has(item.state)).length;
    for (const item of items) {
      if (busy >= CONCURRENCY) break;
      if (item.state !== "queued" || started.current.has(item.id)) continue;
      started.current.add(item.id);
      busy += 1;
      void run(item);
    }
  }, [items, run]);

  useEffect(() => {
    const urls = previews.current;
    return () => {
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, []);

  /** Gives an interrupted row its file again; the hash decides whether the saved transfer is resumed. */
  const attach = useCallback(
    (item: UploadItem, file: File) => {
      const runner: Runner = {
        file,
        ...(item.resume?.sha256 ? { expectedSha256: item.resume.sha256 } : {}),
        ...(item.resume?.uploadId ? { uploadId: item.resume.uploadId } : {}),
        ...(item.resume?.endpoint ? { endpoint: item.resume.endpoint } : {}),
        ...(item.resume?.uploadUrl ? { savedUploadUrl: item.resume.uploadUrl } : {}),
      };
      runners.current.set(item.id, runner);
      started.current.delete(item.id);
      const previewUrl = previewOf(file);
      if (previewUrl) previews.current.add(previewUrl);
      patch(item.id, {
        file,
        previewUrl,
        state: "queued",
        bytesPerSecond: 0,
        code: undefined,
        message: undefined,
      });
    },
    [patch],
  );

  /** New files become rows; a file an interrupted row is waiting for goes back to that row. */
  const addFiles = useCallback(
    (files: Iterable<File>, purity?: Purity) => {
      const added: UploadItem[] = [];
      const waiting = current.current.filter((item) => item.state === "interrupted");
      for (const file of files) {
        const index = waiting.findIndex((item) => sameFile(item.file, file));
        const match = waiting[index];
        if (match) {
          waiting.splice(index, 1);
          attach(match, file);
          continue;
        }
        const previewUrl = previewOf(file);
        if (previewUrl) previews.current.add(previewUrl);
        nextId += 1;
        const id = `${idPrefix}${nextId}`;
        runners.current.set(id, purity ? { file, purity } : { file });
        added.push({ id, file, previewUrl, state: "queued", bytesDone: 0, bytesPerSecond: 0 });
      }
      if (added.length > 0) setItems((previous) => [...previous, ...added]);
    },
    [attach],
  );

  /** The row's own file button: whatever is chosen is hashed, and resumes only if it is the same file. */
  const reattach = useCallback(
    (id: string, file: File) => {
      const item = current.current.find((candidate) => candidate.id === id);
      if (item?.state === "interrupted") attach(item, file);
    },
    [attach],
  );

  const dismiss = useCallback((id: string) => {
    const item = current.current.find((candidate) => candidate.id === id);
    if (!item || isActive(item.state)) return;
    if (item.previewUrl) {
      URL.revokeObjectURL(item.previewUrl);
      previews.current.delete(item.previewUrl);
    }
    runners.current.delete(id);
    started.current.delete(id);
    setItems((previous) => previous.filter((candidate) => candidate.id !== id));
  }, []);

  const pause = useCallback(
    (id: string) => {
      const transfer = runners.current.get(id)?.transfer;
      if (!transfer) return;
      patch(id, { state: "paused", bytesPerSecond: 0 });
      transfer.upload.abort().catch(() => undefined);
    },
    [patch],
  );

  const resume = useCallback(
    (id: string) => {
      const runner = runners.current.get(id);
      if (!runner?.transfer) return;
      runner.lastSample = undefined;
      patch(id, { state: "uploading" });
      // Same Upload object: it asks the server for its offset and carries on from there.
      runner.transfer.upload.start();
    },
    [patch],
  );

  const retry = useCallback(
    (id: string) => {
      started.current.delete(id);
      patch(id, { state: "queued", message: undefined, code: undefined, bytesPerSecond: 0 });
    },
    [patch],
  );

  return { items, restored, addFiles, reattach, dismiss, pause, resume, retry };
}
