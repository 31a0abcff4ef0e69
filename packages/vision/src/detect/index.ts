export { DETECT_INPUT_EDGE, type Detection, detectContent, type RgbImage } from "./detect.ts";
export { DETECT_MODEL, loadHuman, MIN_FACE_SCORE, MIN_OBJECT_SCORE } from "./human-model.ts";
export {
  detectionTagNames,
  isTaggedObject,
  type LabelledDetection,
  type NormalizedBox,
  objectTagName,
  PEOPLE_FACE_MIN_SCORE,
  PEOPLE_TAG,
  PERSON_MIN_SCORE,
  peopleCount,
  type Scored,
  TAG_MIN_AREA,
  TAG_MIN_SCORE,
} from "./tags.ts";
