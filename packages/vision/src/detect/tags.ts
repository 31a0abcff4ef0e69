/**
 * Which detections become auto tags: the one rule (the detect step applies it once and stores the names,
 * which the auto tagger then reads, as it reads the colour names). Calibrated with CenterNet on the 42
 * corpus wallpapers, on the thumbnails the step reads, and on 7 photos of people (docs/architecture.md,
 * "Content detection"). On the corpus, abstract shapes read as a `person` (Waves 0.34 over 91 % of the
 * picture, licorice-l 0.31), a `vase` (Aqua 0.46–0.49, 14 %), a `kite` (Silk 0.42, 11 %) or an
 * `umbrella` (0.37–0.38, 95 %), and details as a `bird` on a ladybird (0.39–0.40, 1.5 %); one clear
 * person in a photo scores 0.57–0.74, small or cut-off people 0.35, people in a crowd 0.2–0.3.
 */

/** An object is tagged when CenterNet is at least this sure of it… */
export const TAG_MIN_SCORE = 0.55;
/** …and its box covers at least this share of the picture (a subject, not a detail). */
export const TAG_MIN_AREA = 0.04;
/**
 * A person box counts (towards `people` and `people_count`) from a lower score: people are what
 * CenterNet finds best, and the corpus's false persons stay below 0.35. Crowds (0.2–0.3) are missed.
 */
export const PERSON_MIN_SCORE = 0.45;
/** A face alone also makes `people` when BlazeFace is this sure (faces are small, so no area rule). */
export const PEOPLE_FACE_MIN_SCORE = 0.75;

/** The tag that person detections and faces become (`person` reads oddly for a crowd or a couple). */
export const PEOPLE_TAG = "people";

/** A detection's box, normalized to the picture (0..1 each), from its top-left corner. */
export interface NormalizedBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Scored {
  score: number;
  box: NormalizedBox;
}

export interface LabelledDetection extends Scored {
  label: string;
}

/**
 * The tag a COCO label becomes: `person` → `people`, spaces → `_` (`dining table` → `dining_table`), the
 * canonical form the tag vocabulary gives it (a unit test runs every label through its normalization).
 */
export function objectTagName(label: string): string {
  return label === "person" ? PEOPLE_TAG : label.trim().toLowerCase().replace(/\s+/g, "_");
}

const area = (box: NormalizedBox) => box.width * box.height;

/** Objects the rule tags. */
export function isTaggedObject(object: LabelledDetection): boolean {
  const minScore = object.label === "person" ? PERSON_MIN_SCORE : TAG_MIN_SCORE;
  return object.score >= minScore && area(object.box) >= TAG_MIN_AREA;
}

/** Sorted, unique tag names for one picture's detections. */
export function detectionTagNames(objects: readonly LabelledDetection[], faces: readonly Scored[]): string[] {
  const names = new Set(objects.filter(isTaggedObject).map((object) => objectTagName(object.label)));
  if (faces.some((face) => face.score >= PEOPLE_FACE_MIN_SCORE)) names.add(PEOPLE_TAG);
  return [...names].sort();
}

/** People in the picture: confident person boxes, or the faces when more faces than boxes were found. */
export function peopleCount(objects: readonly LabelledDetection[], faces: readonly Scored[]): number {
  const persons = objects.filter((o) => o.label === "person" && o.score >= PERSON_MIN_SCORE).length;
  return Math.max(persons, faces.length);
}
