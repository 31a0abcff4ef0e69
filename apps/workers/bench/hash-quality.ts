import {
  computeNearDuplicateSignature,
  computePerceptualHash,
  computeQuality,
  renderImageDerivatives,
} from "@wallpaperdb/imaging";

const NO_ENCODES = { formats: { thumb: [], medium: [], preview: [] } } as const;
const ROUNDS = 20;

/** Mean ms per call of `work` over ROUNDS rounds of every analysis, after one warm-up round. */
function perImage<T>(items: T[], work: (item: T) => unknown): number {
  for (const item of items) work(item);
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) for (const item of items) work(item);
  return (performance.now() - started) / (ROUNDS * items.length);
}

/**
 * The variants and quality steps' JS on the analysis planes, before and after the crop-tolerant
 * near-duplicate signature, in one run on the same decoded images: the single whole-picture pHash
 * (with its dHash, as computePerceptualHash did) against the five crop hashes with colour layouts;
 * and the quality measures + score (version 2 changed only the arithmetic after the measures).
 */
export async function compareHashAndQuality(files: string[], out: (line: string) => void): Promise<void> {
  const rendered = [];
  for (const file of files) {
    const { analysis, width, height } = await renderImageDerivatives(file, NO_ENCODES);
    rendered.push({ analysis, size: { width, height } });
  }
  const before = perImage(rendered, (r) => computePerceptualHash(r.analysis));
  const after = perImage(rendered, (r) => computeNearDuplicateSignature(r.analysis));
  const quality = perImage(rendered, (r) => computeQuality(r.analysis, r.size));
  out(
    `hash CPU per image (${rendered.length} corpus images x ${ROUNDS}): pHash+dHash ${before.toFixed(2)} ms (before), crop signature ${after.toFixed(2)} ms (after)`,
  );
  out(`quality CPU per image: ${quality.toFixed(2)} ms (measures + score v2)`);
}
