import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Config, Human } from "@vladmandic/human";
import { oneSetUpAtATime } from "../one-at-a-time.ts";

/**
 * The one place that sets up `@vladmandic/human` (face detection + CenterNet objects) on TensorFlow.js's
 * WASM backend. Everything it needs ships inside the npm packages, and nothing is fetched:
 *
 * - Human's package `exports` map offers only the tfjs-node build (`dist/human.node.js`), and
 *   `@tensorflow/tfjs-node` cannot be installed here (its install script downloads libtensorflow), so the
 *   WASM build (`dist/human.node-wasm.js`, which requires `@tensorflow/tfjs-core`, `-converter` and
 *   `-backend-wasm`) is loaded by its file path next to the resolved main entry.
 * - The backend's `.wasm` files ship in `@tensorflow/tfjs-backend-wasm/dist`; `wasmPath` points there and
 *   tfjs reads them with `fs` under Node.
 * - Human loads each model with `tf.GraphModel(url).findIOHandler()`. tfjs's only built-in router for
 *   URLs is its HTTP one (`fetch`), which Node cannot use for `file://`. Instead of shimming the global
 *   `fetch`, a load router for `file://` URLs under Human's own `models/` folder is registered on the
 *   tfjs instance Human uses (`human.tf`): it reads the model JSON and its weight shards from disk.
 *   Any other URL gets no handler from it, so a misconfigured path fails instead of reaching a network.
 */

const require = createRequire(import.meta.url);

/** Human's WASM build, resolved beside the main entry its `exports` map allows. */
const humanDist = dirname(require.resolve("@vladmandic/human"));
const humanModels = join(dirname(humanDist), "models");
const wasmDir = dirname(require.resolve("@tensorflow/tfjs-backend-wasm"));

/** Models read: BlazeFace (faces) and CenterNet (80 COCO classes). Everything else Human offers is off. */
export const DETECT_MODEL = "human:centernet+blazeface";

/** Scores below these are not detections at all (nothing is stored for them). */
export const MIN_OBJECT_SCORE = 0.2;
export const MIN_FACE_SCORE = 0.6;
/** CenterNet keeps at most this many objects per image (after non-maximum suppression). */
export const MAX_OBJECTS = 20;
const MAX_FACES = 20;

function humanConfig(): Partial<Config> {
  return {
    backend: "wasm",
    wasmPath: `${wasmDir}/`,
    modelBasePath: `${pathToFileURL(humanModels).href}/`,
    // No IndexedDB in Node, no warm-up run, no result caching between calls: each call is a new picture.
    cacheModels: false,
    warmup: "none",
    cacheSensitivity: 0,
    skipAllowed: false,
    debug: false,
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: { enabled: true, rotation: false, maxDetected: MAX_FACES, minConfidence: MIN_FACE_SCORE },
      mesh: { enabled: false },
      iris: { enabled: false },
      emotion: { enabled: false },
      description: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
      attention: { enabled: false },
    },
    body: { enabled: false },
    hand: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
    object: { enabled: true, minConfidence: MIN_OBJECT_SCORE, maxDetected: MAX_OBJECTS },
  } as Partial<Config>;
}

type HumanClass = new (config?: Partial<Config>) => Human;

/** The part of tfjs's `io` namespace the router uses (Human types its `tf` as `any`). */
interface TfIo {
  io: {
    registerLoadRouter(router: (url: string | string[]) => unknown): void;
    getModelArtifactsForJSON(
      json: unknown,
      loadWeights: (manifest: { paths: string[]; weights: unknown[] }[]) => Promise<[unknown[], ArrayBuffer]>,
    ): Promise<unknown>;
  };
}

/** A tfjs IO handler reading a graph model (JSON + weight shards) from Human's models folder. */
function fileModelRouter(tf: TfIo) {
  return (url: string | string[]) => {
    const first = Array.isArray(url) ? url[0] : url;
    if (typeof first !== "string" || !first.startsWith("file://")) return null;
    const file = fileURLToPath(first);
    if (!file.startsWith(`${humanModels}/`)) return null;
    return {
      async load() {
        const json = JSON.parse(await readFile(file, "utf8"));
        return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
          const specs = manifest.flatMap((group) => group.weights);
          const shards = await Promise.all(
            manifest.flatMap((group) => group.paths.map((path) => readFile(join(dirname(file), path)))),
          );
          const all = Buffer.concat(shards);
          return [specs, all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength)];
        });
      },
    };
  };
}

let loading: Promise<Human> | null = null;

/**
 * The process's one Human instance with its models loaded, created on first use (the worker pays the
 * load only when a detect event arrives; ~0.4 s and ~110 MiB here). A failed load is forgotten so the
 * next call tries again.
 */
export function loadHuman(): Promise<Human> {
  loading ??= oneSetUpAtATime(async () => {
    const { Human: HumanConstructor } = require(join(humanDist, "human.node-wasm.js")) as {
      Human: HumanClass;
    };
    const human = new HumanConstructor(humanConfig());
    const tf = human.tf as TfIo;
    tf.io.registerLoadRouter(fileModelRouter(tf));
    await human.load();
    const loaded = human.models.loaded();
    if (!loaded.includes("centernet") || !loaded.includes("blazeface")) {
      throw new Error(
        `Human did not load its models from ${humanModels} (loaded: ${loaded.join(", ") || "none"})`,
      );
    }
    return human;
  }).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
