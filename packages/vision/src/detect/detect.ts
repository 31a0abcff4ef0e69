import type { Human } from "@vladmandic/human";
import { DETECT_MODEL, loadHuman } from "./human-model.ts";
import {
  detectionTagNames,
  type LabelledDetection,
  type NormalizedBox,
  peopleCount,
  type Scored,
} from "./tags.ts";

/** Interleaved 8-bit RGB, row by row (sharp's `.removeAlpha().raw()`). */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** What the detect step stores for one picture. */
export interface Detection {
  model: string;
  /** `@vladmandic/human`'s version: its models ship with it. */
  modelVersion: string;
  objects: LabelledDetection[];
  faces: Scored[];
  peopleCount: number;
  /** The auto tags the detections earn (tags.ts). */
  tagNames: string[];
}

/** The long edge the detector is given; CenterNet and BlazeFace resize to 512 / 256 themselves. */
export const DETECT_INPUT_EDGE = 640;

const clamp = (value: number) => Math.min(1, Math.max(0, value));

function normalizedBox([x, y, width, height]: readonly number[]): NormalizedBox {
  const left = clamp(x ?? 0);
  const top = clamp(y ?? 0);
  return {
    x: left,
    y: top,
    width: clamp((x ?? 0) + (width ?? 0)) - left,
    height: clamp((y ?? 0) + (height ?? 0)) - top,
  };
}

const byScore = (a: Scored, b: Scored) => b.score - a.score;

async function runDetection(human: Human, image: RgbImage): Promise<Detection> {
  if (image.data.length !== image.width * image.height * 3) {
    throw new Error(`expected ${image.width}x${image.height} RGB pixels, got ${image.data.length} bytes`);
  }
  const tensor = human.tf.tensor3d(image.data, [image.height, image.width, 3], "int32");
  try {
    const result = await human.detect(tensor);
    if (result.error) throw new Error(`Human: ${result.error}`);
    const objects = result.object
      .map((o) => ({ label: o.label, score: o.score, box: normalizedBox(o.boxRaw) }))
      .sort(byScore);
    const faces = result.face
      .map((f) => ({ score: f.boxScore ?? f.score, box: normalizedBox(f.boxRaw) }))
      .sort(byScore);
    return {
      model: DETECT_MODEL,
      modelVersion: human.version,
      objects,
      faces,
      peopleCount: peopleCount(objects, faces),
      tagNames: detectionTagNames(objects, faces),
    };
  } finally {
    human.tf.dispose(tensor);
  }
}

// One Human instance per process runs one picture at a time (its models keep state between the awaits
// of a call); callers queue here whatever the consumer's concurrency.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Objects (80 COCO classes), faces and the tags they earn for one picture of about DETECT_INPUT_EDGE px.
 * Loads the models on first use.
 */
export async function detectContent(image: RgbImage): Promise<Detection> {
  const human = await loadHuman();
  const run = queue.then(() => runDetection(human, image));
  queue = run.catch(() => undefined);
  return run;
}
