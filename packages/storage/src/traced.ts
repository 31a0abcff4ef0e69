import {
  type Attributes,
  markSpanFailed,
  type Span,
  SpanKind,
  tracer,
  withSpan,
} from "@wallpaperdb/telemetry";
import type { BlobStore, ListedBlob } from "./blob-store.ts";

// Span names are the operation only (`blob.put`): keys carry ids, so they are attributes. The key's
// first segment (originals, variants, derived, …) says what kind of blob it is and groups well.
function keyAttributes(store: BlobStore, key: string): Attributes {
  const slash = key.indexOf("/");
  return {
    "blob.store.kind": store.kind,
    "blob.key": key,
    "blob.key.prefix": slash > 0 ? key.slice(0, slash) : key,
  };
}

const span = <T>(name: string, attributes: Attributes, fn: (s: Span) => Promise<T>) =>
  withSpan(name, attributes, fn, { kind: SpanKind.CLIENT });

/**
 * The same store with a CLIENT span per call. A `get` span ends when the body is ready to stream (the
 * bytes are read by the caller afterwards); `list` spans the whole iteration. Errors are the store's own,
 * rethrown unchanged, so the contract suite passes through the decorator.
 */
export function traceBlobStore(store: BlobStore): BlobStore {
  return {
    kind: store.kind,
    put: (key, body, opts) =>
      span("blob.put", keyAttributes(store, key), async (s) => {
        const result = await store.put(key, body, opts);
        s.setAttribute("blob.size", result.size);
        return result;
      }),
    get: (key, opts) =>
      span("blob.get", keyAttributes(store, key), async (s) => {
        if (opts?.range) s.setAttribute("blob.range.start", opts.range.start);
        const result = await store.get(key, opts);
        s.setAttributes({ "blob.size": result.size, "blob.content_length": result.contentLength });
        return result;
      }),
    head: (key) =>
      span("blob.head", keyAttributes(store, key), async (s) => {
        const result = await store.head(key);
        s.setAttribute("blob.found", result !== null);
        if (result) s.setAttribute("blob.size", result.size);
        return result;
      }),
    delete: (key) => span("blob.delete", keyAttributes(store, key), () => store.delete(key)),
    list: (prefix) => traceList(store, prefix),
    ping: () => span("blob.ping", { "blob.store.kind": store.kind }, () => store.ping()),
    presignGet: (key, opts) =>
      span("blob.presign_get", keyAttributes(store, key), () => store.presignGet(key, opts)),
    presignPut: (key, opts) =>
      span("blob.presign_put", keyAttributes(store, key), () => store.presignPut(key, opts)),
  };
}

function traceList(store: BlobStore, prefix: string): AsyncIterable<ListedBlob> {
  // Called eagerly: an invalid prefix throws here, synchronously, as the adapters do.
  const listing = store.list(prefix);
  return {
    async *[Symbol.asyncIterator]() {
      const s = tracer().startSpan("blob.list", {
        kind: SpanKind.CLIENT,
        attributes: { "blob.store.kind": store.kind, "blob.key.prefix": prefix },
      });
      let count = 0;
      try {
        for await (const blob of listing) {
          count += 1;
          yield blob;
        }
      } catch (error) {
        markSpanFailed(s, error);
        throw error;
      } finally {
        s.setAttribute("blob.count", count);
        s.end();
      }
    },
  };
}
