/**
 * How a worker process is launched (apps/workers `start`, scripts/run.sh, the Dockerfile, and the tests
 * and benchmark that spawn real workers). These are read before any code runs, so they cannot live in
 * env.ts: a process sets them for its children.
 *
 * - V8: a small young generation and old-space cap, or start-up imports alone leave ~300 MiB of heap
 *   the process never returns. `--heap-growing-percent=200` lets the old generation grow to 3x its live
 *   size between full collections instead of V8's ~1.2x: `--trace-gc` showed the worker marking its
 *   ~30 MB heap about twice per image, each time after only 5–8 MB of promotions. Measured with
 *   `pnpm bench:pipeline`: V8's GC threads 80–104 -> 13–22 ms of CPU per image, the worker ~910 -> ~800
 *   ms. Fewer collections would also leave more dead decoded images in memory, so the pipeline frees
 *   those itself (`releaseBuffers`); peaks stayed in the same range (444–541 MiB over the corpus with
 *   two in flight, 350–377 MiB for the largest file alone).
 *   Tried and left out: --external-memory-accounted-in-global-limit (external memory counted in V8's
 *   global limit): ~35 ms less CPU per image, but the corpus peak rose to ~500–550 MiB.
 * - glibc: two malloc arenas instead of one per libvips thread, and a fixed 1 MiB mmap threshold. By
 *   default glibc raises the threshold each time a large block is freed, so decoded 50 MB images can end
 *   up in the heap arenas, which fragment and are not given back. The evidence is mixed: on a loaded
 *   machine two 16.8 MP WebPs in flight peaked at ~570 MiB without it and ~390 MiB with it; on a quiet
 *   one both settings ranged 470–600 MiB, the peak depending mostly on whether two large decodes
 *   overlap. Speed was the same. Only admitting images by pixel count would bound that overlap.
 */
export const WORKER_NODE_FLAGS = [
  "--max-semi-space-size=8",
  "--max-old-space-size=256",
  "--heap-growing-percent=200",
] as const;

export const WORKER_MALLOC_ENV = {
  MALLOC_ARENA_MAX: "2",
  MALLOC_MMAP_THRESHOLD_: "1048576",
} as const;
