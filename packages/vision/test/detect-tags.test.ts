import { normalizeTagNameResult } from "@wallpaperdb/tags";
import { describe, expect, it } from "vitest";
import {
  detectionTagNames,
  objectTagName,
  PEOPLE_FACE_MIN_SCORE,
  PERSON_MIN_SCORE,
  peopleCount,
  TAG_MIN_AREA,
  TAG_MIN_SCORE,
} from "../src/detect/tags.ts";

const box = (share: number) => ({ x: 0, y: 0, width: Math.sqrt(share), height: Math.sqrt(share) });
const object = (label: string, score: number, share: number) => ({ label, score, box: box(share) });

// CenterNet's 80 COCO classes as Human names them (src/object/labels.ts in @vladmandic/human).
const COCO = `person bicycle car motorcycle airplane bus train truck boat traffic_light fire_hydrant stop_sign
parking_meter bench bird cat dog horse sheep cow elephant bear zebra giraffe backpack umbrella handbag tie
suitcase frisbee skis snowboard sports_ball kite baseball_bat baseball_glove skateboard surfboard tennis_racket
bottle wine_glass cup fork knife spoon bowl banana apple sandwich orange broccoli carrot hot_dog pizza donut cake
chair couch potted_plant bed dining_table toilet tv laptop mouse remote keyboard cell_phone microwave oven toaster
sink refrigerator book clock vase scissors teddy_bear hair_drier toothbrush`
  .split(/\s+/)
  .map((label) => label.replace(/_/g, " "));

describe("the detection tag rule", () => {
  it("names every COCO class in the tag vocabulary's canonical form", () => {
    expect(COCO).toHaveLength(80);
    for (const label of COCO) {
      const name = objectTagName(label);
      // Already canonical, and the name a person typing the label would get (`person` aside).
      expect(normalizeTagNameResult(name)).toEqual({ ok: true, name });
      if (label !== "person") expect(normalizeTagNameResult(label)).toEqual({ ok: true, name });
    }
    expect(objectTagName("dining table")).toBe("dining_table");
    expect(objectTagName("person")).toBe("people");
  });

  it("tags confident objects that cover a meaningful part of the picture", () => {
    expect(detectionTagNames([object("dog", TAG_MIN_SCORE, TAG_MIN_AREA)], [])).toEqual(["dog"]);
    // The corpus's false readings (on the step's input, the thumbnail): abstract shapes as a kite, a vase
    // or a person, a detail as a bird.
    expect(detectionTagNames([object("kite", 0.42, 0.113)], [])).toEqual([]);
    expect(detectionTagNames([object("vase", 0.49, 0.14)], [])).toEqual([]);
    expect(detectionTagNames([object("person", 0.34, 0.91)], [])).toEqual([]);
    expect(detectionTagNames([object("bird", 0.39, 0.015)], [])).toEqual([]);
    expect(detectionTagNames([object("cup", 0.63, 0.014)], [])).toEqual([]);
  });

  it("makes `people` from a person box at the lower person score, or from a sure face", () => {
    expect(detectionTagNames([object("person", PERSON_MIN_SCORE, 0.2)], [])).toEqual(["people"]);
    expect(detectionTagNames([object("person", PERSON_MIN_SCORE - 0.01, 0.2)], [])).toEqual([]);
    expect(detectionTagNames([], [{ score: PEOPLE_FACE_MIN_SCORE, box: box(0.01) }])).toEqual(["people"]);
    expect(detectionTagNames([], [{ score: 0.65, box: box(0.01) }])).toEqual([]);
  });

  it("is sorted and unique", () => {
    const objects = [object("person", 0.7, 0.3), object("boat", 0.6, 0.2), object("person", 0.5, 0.2)];
    expect(detectionTagNames(objects, [{ score: 0.9, box: box(0.02) }])).toEqual(["boat", "people"]);
  });

  it("counts people as confident person boxes, or faces when there are more of those", () => {
    const persons = [object("person", 0.7, 0.3), object("person", 0.45, 0.1), object("person", 0.3, 0.1)];
    expect(peopleCount(persons, [])).toBe(2);
    expect(
      peopleCount(
        [],
        [
          { score: 0.8, box: box(0.01) },
          { score: 0.7, box: box(0.01) },
          { score: 0.6, box: box(0.01) },
        ],
      ),
    ).toBe(3);
  });
});
