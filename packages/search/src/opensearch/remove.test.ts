import type { Client } from "@opensearch-project/opensearch";
import { createLogger } from "@wallpaperdb/core/logger";
import { describe, expect, it } from "vitest";
import { createOpenSearchSearch } from "./opensearch-backend.ts";

// A fake of the OpenSearch client's bulk call (the real server runs only with OPENSEARCH_URL set, in
// test/opensearch-search.int.test.ts): what remove sends, and how it reads the answer.
function backendAnswering(items: unknown[]) {
  const requests: unknown[] = [];
  const client = {
    bulk: async (request: { body: unknown }) => {
      requests.push(request.body);
      return { body: { errors: items.some((item) => JSON.stringify(item).includes("error")), items } };
    },
  } as unknown as Client;
  const backend = createOpenSearchSearch({
    client,
    db: undefined as never,
    index: "wallpapers-test",
    logger: createLogger("remove-test", "error"),
  });
  return { backend, requests };
}

describe("OpenSearch remove", () => {
  it("takes every id out in one bulk request, and an id the index never held is fine", async () => {
    const { backend, requests } = backendAnswering([
      { delete: { status: 200, result: "deleted" } },
      { delete: { status: 404, result: "not_found" } },
    ]);
    await backend.remove(["a", "b"]);
    expect(requests).toEqual([
      [
        { delete: { _index: "wallpapers-test", _id: "a" } },
        { delete: { _index: "wallpapers-test", _id: "b" } },
      ],
    ]);
  });

  it("fails when a delete really failed, so the event is retried", async () => {
    const { backend } = backendAnswering([
      { delete: { status: 200, result: "deleted" } },
      { delete: { status: 503, error: { type: "unavailable_shards_exception" } } },
    ]);
    await expect(backend.remove(["a", "b"])).rejects.toThrow(/removal failed for 1 of 2/);
  });

  it("sends nothing for no ids", async () => {
    const { backend, requests } = backendAnswering([]);
    await backend.remove([]);
    expect(requests).toEqual([]);
  });
});
