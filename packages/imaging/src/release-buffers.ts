/**
 * Frees buffers' memory now instead of at V8's next full collection, by detaching their ArrayBuffers
 * (`transfer(0)`; any later read sees an empty buffer). sharp hands decoded images back as Buffers of
 * tens of MB that only a collection would otherwise free, so the worker's peak RSS would depend on how
 * often V8 collects. Only buffers that own their whole ArrayBuffer are touched (Node's small pooled
 * Buffers share one), each once, and never one in `keep`.
 */
export function releaseBuffers(
  buffers: ReadonlyArray<Uint8Array | undefined>,
  keep: ReadonlyArray<Uint8Array> = [],
): void {
  const kept = new Set<ArrayBufferLike>(keep.map((buffer) => buffer.buffer));
  for (const buffer of buffers) {
    if (!buffer) continue;
    const owner = buffer.buffer;
    if (!(owner instanceof ArrayBuffer) || owner.detached || kept.has(owner)) continue;
    if (buffer.byteOffset !== 0 || buffer.byteLength !== owner.byteLength) continue;
    owner.transfer(0);
  }
}
