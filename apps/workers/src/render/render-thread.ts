// The render thread's entry point (see render-pool.ts). It imports only the imaging code, so its V8
// heap stays a few MB and the collections that the big decoded buffers trigger are cheap.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort, workerData } from "node:worker_threads";
import { configureSharp, type SharpOptions } from "@wallpaperdb/media";
import { renderForPipeline } from "./pipeline-render.ts";
import type { RenderReply, RenderRequest } from "./render-pool.ts";

const port = parentPort;
if (!port) throw new Error("render-thread.ts runs as a worker thread");
// libvips settings are process-wide: the same ones as the main thread, so this call changes nothing.
configureSharp((workerData as { sharp: SharpOptions }).sharp);

// A full collection of this small heap after each image (a few ms) frees its decoded buffers at once,
// instead of whenever external memory next crosses V8's threshold: that is what bounds the worker's
// peak RSS by the images in flight. Worker threads refuse --expose-gc in execArgv, hence the flag here.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

port.on("message", async ({ id, source }: RenderRequest) => {
  let reply: RenderReply;
  try {
    const input = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    reply = { id, ok: true, result: await renderForPipeline(input) };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
  collect();
});
