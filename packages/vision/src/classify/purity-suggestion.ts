import type { Purity, PuritySource } from "@wallpaperdb/db/purity";

/**
 * The five classes of the nsfwjs models, in the order of their output. Import-light (no tfjs), so the
 * moderation page and the domain can use the names and the rule.
 */
export const contentClasses = ["drawing", "hentai", "neutral", "porn", "sexy"] as const;
export type ContentClass = (typeof contentClasses)[number];

/** Each class's probability, 0–1; they sum to 1. */
export type ContentScores = Record<ContentClass, number>;

/**
 * The thresholds of the suggested purity. Explicit material (porn + hentai) is the model's strongest
 * signal, so only it makes `nsfw`; `sexy` (suggestive, not explicit) only ever makes `sketchy`.
 *
 * Calibrated on the 42 shared-corpus wallpapers (`pnpm --filter @wallpaperdb/vision bench:calibrate`,
 * numbers in docs/performance.md), every one of them sfw. MobileNetV2 is not sure of itself on skin-
 * and flesh-coloured nature close-ups: the yellow flower macro (YellowFlower.jpg) scores porn + hentai
 * 0.814 and the wood grain (Wood.jpg) 0.577, the rest at most 0.17; sexy at most 0.09. nsfwjs's own
 * "above 0.5 is it" would have called a flower nsfw, so the limits sit above the corpus's worst: no
 * corpus wallpaper is suggested anything but sfw (the margin to the flower is thin: 0.814 against 0.85).
 * What could NOT be calibrated: no sketchy or nsfw picture exists on these machines, so how much real
 * nsfw material scores under 0.95 (and is only called sketchy) is unmeasured. The cost is bounded: a
 * suggestion is never final (uploader and curator win), with moderation on every wallpaper waits for a
 * curator anyway, and the moderation queue shows the scores.
 */
export const PURITY_THRESHOLDS = {
  /** porn + hentai at or above this: nsfw. */
  nsfwExplicit: 0.95,
  /** porn + hentai at or above this (and below nsfw): sketchy. */
  sketchyExplicit: 0.85,
  /** sexy at or above this: sketchy. */
  sketchySexy: 0.6,
} as const;

/** The purity the model suggests for these scores (the rule above). */
export function suggestPurity(scores: ContentScores): Purity {
  const explicit = scores.porn + scores.hentai;
  if (explicit >= PURITY_THRESHOLDS.nsfwExplicit) return "nsfw";
  if (explicit >= PURITY_THRESHOLDS.sketchyExplicit || scores.sexy >= PURITY_THRESHOLDS.sketchySexy) {
    return "sketchy";
  }
  return "sfw";
}

/**
 * What a wallpaper's purity becomes after the model's suggestion, or null when it stays as it is. The
 * uploader's explicit choice and a curator's decision are final for the model; a purity nobody chose
 * (`default`, stored as sfw) takes a sketchy or nsfw suggestion, so the viewer's purity filter hides it
 * until someone decides; a purity the model set follows its latest run.
 */
export function purityAfterSuggestion(
  current: { purity: Purity; source: PuritySource },
  suggested: Purity,
): { purity: Purity; source: "model" } | null {
  if (current.source === "uploader" || current.source === "curator") return null;
  if (current.source === "default" && suggested === "sfw") return null;
  if (current.source === "model" && current.purity === suggested) return null;
  return { purity: suggested, source: "model" };
}
