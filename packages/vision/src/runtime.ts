import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { setThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { oneSetUpAtATime } from "./one-at-a-time.ts";

/**
 * The TensorFlow.js runtime every vision model of the workers shares: one per process, the WASM backend,
 * every file read from disk (no network: these machines reach no model hub, and a model that downloads
 * at run time is a deployment that breaks offline).
 *
 * Why WASM: `@tensorflow/tfjs-node` does not install here (its install script downloads libtensorflow),
 * and the pure-JS CPU backend is about 20x slower (issue 16's measurement; on WASM here MobileNetV2 takes
 * ~43 ms of CPU per image, docs/performance.md). The backend's `.wasm` files ship inside
 * `@tensorflow/tfjs-backend-wasm`; `setWasmPaths` points it at that folder on disk. One thread: the workers already run one image per core (sharp), so a model
 * that took every core would only contend with them.
 *
 * Use: `await useVisionRuntime()` before loading a model; it is idempotent and concurrent calls share one
 * set-up. A model module then keeps its own lazily loaded instance (`classify/model.ts` is the pattern:
 * load on first use, once per process, keep the promise). Another model of the workers (the detect step,
 * @vladmandic/human) can start the runtime here and use the exported `tf`; whether Human's build accepts
 * an outside tfjs instance or brings its own is not checked here (two instances would mean two WASM heaps).
 */
export { tf };

let ready: Promise<void> | undefined;

/** The folder holding the backend's `.wasm` files, resolved from the installed package. */
export function wasmDirectory(): string {
  const require = createRequire(import.meta.url);
  // The package's main entry lives in its dist folder, next to the .wasm files.
  return dirname(require.resolve("@tensorflow/tfjs-backend-wasm"));
}

async function setUp(): Promise<void> {
  const directory = wasmDirectory();
  // Node's emscripten loader reads these with fs; a trailing separator makes it a prefix.
  setWasmPaths(`${join(directory, "/")}`);
  setThreadsCount(1);
  // Production mode drops the per-op NaN checks and debug bookkeeping.
  tf.enableProdMode();
  if (!(await tf.setBackend("wasm"))) throw new Error("the TensorFlow.js WASM backend did not start");
  await tf.ready();
}

/** Starts the shared runtime once per process (WASM backend, files from disk). */
export function useVisionRuntime(): Promise<void> {
  ready ??= oneSetUpAtATime(setUp).catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

/** Tensors the runtime holds (a leak check for tests: a classification must leave none behind). */
export function liveTensorCount(): number {
  return tf.memory().numTensors;
}
