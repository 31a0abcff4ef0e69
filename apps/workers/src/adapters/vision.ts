import { withSpan } from "@wallpaperdb/telemetry";
import {
  type Classification,
  classifierModel,
  classifyPixels,
  type RgbPixels,
} from "@wallpaperdb/vision/classify";

/**
 * The one module that runs the vision models for the pipeline (TensorFlow.js on WASM, packages/vision).
 * The model loads once per process on first use; each call is a span under the step's consumer span.
 */
export const classifyPicture = (pixels: RgbPixels): Promise<Classification> =>
  withSpan("vision classify", { "wallpaperdb.model": "nsfwjs" }, () => classifyPixels(pixels));

/** Loads the classifier now (a bench or a start-up warm-up); otherwise the first image loads it. */
export const loadClassifier = async (): Promise<void> => {
  await classifierModel();
};
