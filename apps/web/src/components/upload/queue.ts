"use client";

import {
  runUpload,
  type UploadMemo,
  type UploadOutcome,
  type UploadPhase,
} from "@wallpaperdb/client/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPCClient } from "~/trpc/react.tsx";
import { sha256OfBlob, startTransfer, type Transfer } from "./transfer.ts";

export type UploadState =
  | "queued"
  | "hashing"
  | "checking"
  | "uploading"
  | "paused"
  | "processing"
  | "added"
  | "duplicate"
  | "rejected"
  | "failed";

export interface UploadItem {
  id: string;
  file: File;
  previewUrl: string | null;
  state: UploadState;
  bytesDone: number;
  bytesPerSecond: number;
  wallpaperId?: string;
  code?: string;
  message?: string;
}

/** What survives between attempts of one file: a retry neither re-hashes nor re-sends received bytes. */
interface Runner extends UploadMemo {
  transfer?: Transfer;
  lastSample?: { at: number; bytes: number };
}

const CONCURRENCY = 3;
const BUSY: ReadonlySet<UploadState> = new Set(["hashing", "checking", "uploading", "processing"]);
export const FINISHED: ReadonlySet<UploadState> = new Set(["added", "duplicate", "rejected", "failed"]);

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

export function useUploadQueue() {
  const client = useTRPCClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const runners = useRef(new Map<string, Runner>());
  const started = useRef(new Set<string>());
  const previews = useRef(new Set<string>());

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
      const runner = runners.current.get(item.id) ?? {};
      runners.current.set(item.id, runner);
      const { file } = item;
      try {
        const outcome = await runUpload(
          { filename: file.name, size: file.size, type: file.type },
          {
            api: client.upload,
            hash: () => sha256OfBlob(file),
            send: (target, onProgress) => {
              runner.transfer = startTransfer({
                file,
                target,
                resumeUrl: runner.transfer?.upload.url ?? null,
                onProgress,
              });
              return runner.transfer.done;
            },
          },
          {
            memo: runner,
            onPhase: (phase) => {
              if (phase === "uploading") runner.lastSample = undefined;
              patch(item.id, phaseChange(phase, file.size));
            },
            onBytes: (sent) => onBytes(item.id, runner, sent),
          },
        );
        patch(item.id, outcomeChange(outcome, file.size));
      } catch (error) {
        patch(item.id, { state: "failed", message: describeError(error) });
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

  const addFiles = useCallback((files: Iterable<File>) => {
    const added: UploadItem[] = [];
    for (const file of files) {
      const previewable = file.type.startsWith("image/") || file.type.startsWith("video/");
      const previewUrl = previewable ? URL.createObjectURL(file) : null;
      if (previewUrl) previews.current.add(previewUrl);
      nextId += 1;
      added.push({ id: `u${nextId}`, file, previewUrl, state: "queued", bytesDone: 0, bytesPerSecond: 0 });
    }
    setItems((previous) => [...previous, ...added]);
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

  return { items, addFiles, pause, resume, retry };
}
