import * as imaging from "@wallpaperdb/imaging";

/**
 * What the pipeline stores eagerly. The preview AVIF (2560 px) is by far the costliest encode, so the
 * media route renders it on first request (`renderVariant`) and caches it; the thumb AVIF stays eager
 * because the gallery grid asks for it on every page.
 */
export const EAGER_FORMATS = {
  thumb: ["avif", "webp", "jpeg"],
  preview: ["webp", "jpeg"],
} as const satisfies Record<imaging.VariantKind, readonly imaging.VariantFormat[]>;

/** Everything the variants step derives from one decode, with the analysis already encoded for storage. */
export interface PipelineRender {
  width: number;
  height: number;
  facts: imaging.ImageFacts;
  variants: imaging.RenderedVariant[];
  thumbhash: string;
  /** 64-bit DCT hash, 16 hex chars. */
  phash: string;
  /** encodeAnalysis of the small planes quality and color read. */
  analysis: Buffer;
}

/**
 * The variants step's pixel work, pure: the render thread runs it, and so does the benchmark's raw
 * baseline in a plain process.
 */
export async function renderForPipeline(source: Buffer): Promise<PipelineRender> {
  const rendered = await imaging.renderImageDerivatives(source, { formats: EAGER_FORMATS });
  return {
    width: rendered.width,
    height: rendered.height,
    facts: rendered.facts,
    variants: rendered.variants,
    thumbhash: rendered.thumbhash,
    phash: imaging.computePerceptualHash(rendered.analysis).phash,
    analysis: imaging.encodeAnalysis(rendered.analysis),
  };
}
