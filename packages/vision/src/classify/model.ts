import type { io, LayersModel, Tensor, Tensor3D } from "@tensorflow/tfjs";
import { MobileNetV2Model } from "nsfwjs/models/mobilenet_v2";
import { tf, useVisionRuntime } from "../runtime.ts";
import { projectEmbedding } from "./embedding.ts";
import { type ContentScores, contentClasses } from "./purity-suggestion.ts";

type ModelArtifacts = io.ModelArtifacts;

/** What is stored with the scores, so a later model or threshold change can find what to re-run. */
export const CLASSIFIER_MODEL = "nsfwjs@4.4.0/MobileNetV2";

/** The model's input edge: nsfwjs's MobileNetV2 takes 224x224 RGB scaled to 0–1. */
const INPUT_EDGE = 224;
/** The layer before the classifier head: MobileNetV2's pooled 7x7x1280 feature map, flattened. */
const FEATURE_LAYER = "flatten_1";

/** An 8-bit RGB picture, row-major, 3 channels (the analysis blob's `small` plane fits). */
export interface RgbPixels {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface Classification {
  model: string;
  scores: ContentScores;
  /** Unit-length content embedding (embedding.ts). */
  embedding: number[];
}

/** The classes and the pooled features from one forward pass. */
let model: Promise<LayersModel> | undefined;

/**
 * The model's topology and weights from the modules nsfwjs bundles them in (JSON, and base64 shards named
 * `group1-shard<i>of<n>`): nothing is fetched. Read directly rather than through nsfwjs's `load`, which
 * logs to the console and wraps the model in a class this step does not need.
 */
async function bundledArtifacts(): Promise<ModelArtifacts> {
  const { default: json } = await MobileNetV2Model.modelJson();
  const shards = await Promise.all(MobileNetV2Model.weightBundles.map((bundle) => bundle()));
  const byName = new Map(shards.map((shard, i) => [`group1-shard${i + 1}of${shards.length}`, shard.default]));
  const manifest = json.weightsManifest ?? [];
  const bytes = Buffer.concat(
    manifest.flatMap((group) =>
      group.paths.map((path) => {
        const base64 = byName.get(path);
        if (base64 === undefined) throw new Error(`nsfwjs MobileNetV2 has no weight shard ${path}`);
        return Buffer.from(base64, "base64");
      }),
    ),
  );
  return {
    modelTopology: json.modelTopology,
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
    weightSpecs: manifest.flatMap((group) => group.weights),
    weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  };
}

async function loadModel(): Promise<LayersModel> {
  await useVisionRuntime();
  const classifier = await tf.loadLayersModel(tf.io.fromMemory(await bundledArtifacts()));
  const features = classifier.layers.find((layer) => layer.name === FEATURE_LAYER);
  if (!features) throw new Error(`nsfwjs MobileNetV2 has no ${FEATURE_LAYER} layer`);
  const [output] = classifier.outputs;
  if (!output) throw new Error("nsfwjs MobileNetV2 has no output");
  return tf.model({ inputs: classifier.inputs, outputs: [features.output as never, output] });
}

/** Loads the model once per process, on first use (~0.2–17 s depending on the machine's load). */
export function classifierModel(): Promise<LayersModel> {
  model ??= loadModel().catch((error: unknown) => {
    model = undefined;
    throw error;
  });
  return model;
}

// One classification at a time per process: the WASM backend runs on one thread, and interleaving two
// images' async reads would only hold both images' tensors at once.
let queue: Promise<unknown> = Promise.resolve();

function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * Classifies a picture and takes its content embedding from the same forward pass. The picture is
 * resized to 224x224 (bilinear, corners aligned, aspect not kept) exactly as nsfwjs's own `classify`
 * does, so the scores are the model's as published.
 */
export function classifyPixels(pixels: RgbPixels): Promise<Classification> {
  return oneAtATime(async () => {
    const network = await classifierModel();
    const [features, probabilities] = tf.tidy(() => {
      const image = tf.div<Tensor3D>(
        tf.tensor3d(pixels.data, [pixels.height, pixels.width, 3], "int32").toFloat(),
        255,
      );
      const input = tf.image
        .resizeBilinear(image, [INPUT_EDGE, INPUT_EDGE], true)
        .reshape([1, INPUT_EDGE, INPUT_EDGE, 3]);
      return network.predict(input) as Tensor[];
    });
    try {
      if (!features || !probabilities) throw new Error("the classifier returned no output");
      const [pooled, classes] = await Promise.all([features.data(), probabilities.data()]);
      const scores = Object.fromEntries(
        contentClasses.map((name, index) => [name, classes[index] ?? 0]),
      ) as ContentScores;
      return { model: CLASSIFIER_MODEL, scores, embedding: projectEmbedding(pooled) };
    } finally {
      features?.dispose();
      probabilities?.dispose();
    }
  });
}
