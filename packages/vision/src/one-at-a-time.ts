/**
 * Model set-ups of one process run one after another. The classify runtime (`@tensorflow/tfjs`, ESM) and
 * Human's WASM build (`@tensorflow/tfjs-core`, CommonJS) are two tfjs instances, each starting its own
 * WASM backend; started at the same moment, one of them fails to initialise (reproduced every time with
 * both set-ups in one `Promise.all`; either order one after the other works). A worker running both
 * steps gets its first classify and detect events together, so every set-up goes through this queue.
 */
let queue: Promise<unknown> = Promise.resolve();

export function oneSetUpAtATime<T>(setUp: () => Promise<T>): Promise<T> {
  const run = queue.then(setUp, setUp);
  queue = run.catch(() => undefined);
  return run;
}
