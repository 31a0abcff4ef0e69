/**
 * How a worker process is launched (apps/workers `start`, scripts/run.sh, the Dockerfile, and the tests
 * and benchmark that spawn real workers). These are read before any code runs, so they cannot live in
 * env.ts: a process sets them for its children.
 *
 * - V8: a small young generation and old-space cap, or start-up imports alone leave ~300 MiB of heap
 *   the process never returns. Tried and left out: --external-memory-accounted-in-global-limit (the
 *   decoded images' external memory counted in V8's global limit instead of its fixed 64 MB step).
 *   Over six bench runs it saved ~35 ms of CPU per image (V8's GC threads 102–104 -> 79–85 ms) but
 *   raised the peak over the corpus with two images in flight from ~465 to ~500–550 MiB: fewer
 *   collections hold more dead decoded images.
 * - glibc: two malloc arenas instead of one per libvips thread, and a fixed 1 MiB mmap threshold. By
 *   default glibc raises the threshold each time a large block is freed, so decoded 50 MB images can end
 *   up in the heap arenas, which fragment and are not given back. The evidence is mixed: on a loaded
 *   machine two 16.8 MP WebPs in flight peaked at ~570 MiB without it and ~390 MiB with it; on a quiet
 *   one both settings ranged 470–600 MiB, the peak depending mostly on whether two large decodes
 *   overlap. Speed was the same. Only admitting images by pixel count would bound that overlap.
 */
export const WORKER_NODE_FLAGS = ["--max-semi-space-size=8", "--max-old-space-size=256"] as const;

export const WORKER_MALLOC_ENV = {
  MALLOC_ARENA_MAX: "2",
  MALLOC_MMAP_THRESHOLD_: "1048576",
} as const;
