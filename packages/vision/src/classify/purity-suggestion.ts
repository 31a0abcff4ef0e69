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
 * signal, so it alone makes `nsfw`; `sexy` (suggestive, not explicit) is where the model is least sure,
 * so it only ever makes `sketchy`, as does explicit material the model is unsure of.
 *
 * Calibration (`pnpm --filter @wallpaperdb/vision bench:calibrate`, docs/performance.md): on the 42
 * shared-corpus wallpapers (every one sfw: GNOME and MATE landscapes, abstracts, patterns) the highest
 * porn + hentai is 0.03 and the highest sexy 0.02, far under these limits, so no corpus wallpaper is
 * suggested anything but sfw. What this could NOT calibrate: no sketchy or nsfw picture exists on these
 * machines, so the upper limits are nsfwjs's own guidance (a class is "it" above 0.5; porn/hentai
 * between 0.2 and 0.5 is borderline) and not measured here; a false sketchy costs little (the curator
 * or uploader sets it back, and that decision wins), a missed nsfw costs more, hence the low 0.3 for
 * sketchy from explicit classes.
 */
export const PURITY_THRESHOLDS = {
  /** porn + hentai at or above this: nsfw. */
  nsfwExplicit: 0.6,
  /** porn + hentai at or above this (and below nsfw): sketchy. */
  sketchyExplicit: 0.3,
  /** sexy at or above this: sketchy. */
  sketchySexy: 0.5,
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
