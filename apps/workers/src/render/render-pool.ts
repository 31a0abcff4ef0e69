import { Worker } from "node:worker_threads";
import type { SharpOptions } from "@wallpaperdb/media";
import type { PipelineRender } from "./pipeline-render.ts";

export interface RenderRequest {
  id: number;
  source: Uint8Array;
}

export type RenderReply =
  | { id: number; ok: true; result: PipelineRender }
  | { id: number; ok: false; message: string };

/** The render thread died (a crash, or its heap limit) before answering: not the file's fault as such. */
export class RenderThreadExitedError extends Error {
  override name = "RenderThreadExitedError";
}

/** The decoder refused the file: the message is libvips's. */
export class RenderFailedError extends Error {
  override name = "RenderFailedError";
}

export interface ImageRenderer {
  render(source: Buffer): Promise<PipelineRender>;
  close(): Promise<void>;
}

interface Job {
  id: number;
  source: Buffer;
  resolve(result: PipelineRender): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

const threadUrl = new URL("./render-thread.ts", import.meta.url);

// Structured clone gives Uint8Arrays back; the handlers (and the blob store) expect Buffers.
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function revive(result: PipelineRender): PipelineRender {
  return {
    ...result,
    analysis: asBuffer(result.analysis),
    variants: result.variants.map((variant) => ({ ...variant, data: asBuffer(variant.data) })),
  };
}

/**
 * The variants step's decode-and-encode runs in `size` worker threads, one image each. Measured with
 * `pnpm bench:pipeline`: on the main thread, every decoded original (up to 50 MB per image) counts as
 * external memory of the worker's ~36 MB heap and forced about two full collections of it per image
 * (~220 ms of CPU per image, GC threads included); in a thread with a few-MB heap the same collections
 * cost almost nothing. The pixels cross threads once each way as copies (~4 MB per image).
 *
 * An idle thread does not keep the process alive. A thread that dies fails its one job with
 * RenderThreadExitedError (retried like any transient error) and is replaced.
 */
export function createRenderPool(options: {
  size: number;
  sharp: SharpOptions;
  /** The thread's module; tests swap in one that misbehaves. */
  entry?: URL;
}): ImageRenderer {
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  function dispatch(slot: Slot): void {
    const job = queue.shift();
    if (!job) {
      slot.worker.unref();
      return;
    }
    slot.job = job;
    slot.worker.ref();
    const request: RenderRequest = { id: job.id, source: job.source };
    slot.worker.postMessage(request);
  }

  function spawn(index: number): Slot {
    const worker = new Worker(options.entry ?? threadUrl, {
      workerData: { sharp: options.sharp },
      name: `render-${index}`,
      // The JS side holds little; pixels live in external buffers, which this limit does not count.
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
    });
    const slot: Slot = { worker, job: null };
    worker.unref();
    worker.on("message", (reply: RenderReply) => {
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      slot.job = null;
      if (reply.ok) job.resolve(revive(reply.result));
      else job.reject(new RenderFailedError(reply.message));
      dispatch(slot);
    });
    // "error" (an uncaught exception in the thread) is followed by "exit"; the job fails once.
    worker.on("error", () => {});
    worker.on("exit", (code) => {
      const job = slot.job;
      slot.job = null;
      job?.reject(new RenderThreadExitedError(`the render thread exited with code ${code}`));
      if (closed) return;
      const replacement = spawn(index);
      slots[index] = replacement;
      dispatch(replacement);
    });
    return slot;
  }

  for (let index = 0; index < Math.max(1, options.size); index++) slots.push(spawn(index));

  return {
    render(source) {
      if (closed) return Promise.reject(new Error("the render pool is closed"));
      return new Promise<PipelineRender>((resolve, reject) => {
        queue.push({ id: nextId++, source, resolve, reject });
        const idle = slots.find((slot) => slot.job === null);
        if (idle) dispatch(idle);
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error("the render pool is closed"));
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
