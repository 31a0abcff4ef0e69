import { describe, expect, it } from "vitest";
import type { UploadItem } from "./queue.ts";
import { fromSavedRows, sameFile, toSavedRows } from "./saved-queue.ts";

const file = { name: "dune.jpg", size: 40_000_000, type: "image/jpeg", lastModified: 1_700_000_000_000 };

function item(change: Partial<UploadItem>): UploadItem {
  return {
    id: "u1",
    file,
    previewUrl: "blob:x",
    state: "queued",
    bytesDone: 0,
    bytesPerSecond: 0,
    ...change,
  };
}

function roundTrip(items: UploadItem[]): UploadItem[] {
  return fromSavedRows(JSON.stringify(toSavedRows(items)));
}

describe("the saved upload queue", () => {
  it("brings a transfer cut short back as interrupted, with where to resume and how far it got", () => {
    const resume = {
      sha256: "a".repeat(64),
      uploadId: "0f5c3c1e-8f0a-4c1e-9d7b-2f4f2a3b4c5d",
      endpoint: "/api/uploads/tus",
      uploadUrl: "http://127.0.0.1:3000/api/uploads/tus/0f5c3c1e-8f0a-4c1e-9d7b-2f4f2a3b4c5d",
    };
    const [restored] = roundTrip([
      item({ state: "uploading", bytesDone: 15_000_000, bytesPerSecond: 9, resume }),
    ]);
    expect(restored).toEqual({
      id: "u1",
      file,
      previewUrl: null,
      state: "interrupted",
      bytesDone: 15_000_000,
      bytesPerSecond: 0,
      resume,
    });
  });

  it("keeps finished rows as they were, and turns every unfinished state into interrupted", () => {
    const rows = roundTrip([
      item({ id: "a", state: "added", wallpaperId: "w1", bytesDone: file.size }),
      item({ id: "d", state: "duplicate", wallpaperId: "w2" }),
      item({ id: "r", state: "rejected", code: "corrupt", message: "Truncated." }),
      item({ id: "f", state: "failed", message: "network error" }),
      item({ id: "p", state: "paused" }),
      item({ id: "q", state: "queued" }),
      item({ id: "h", state: "hashing" }),
    ]);
    expect(rows.map((row) => [row.id, row.state])).toEqual([
      ["a", "added"],
      ["d", "duplicate"],
      ["r", "rejected"],
      ["f", "interrupted"],
      ["p", "interrupted"],
      ["q", "interrupted"],
      ["h", "interrupted"],
    ]);
    expect(rows[0]).toMatchObject({ wallpaperId: "w1", bytesDone: file.size });
    expect(rows[2]).toMatchObject({ code: "corrupt", message: "Truncated." });
    // A failure's sentence described the lost attempt; the interrupted row says what to do instead.
    expect(rows[3]?.message).toBeUndefined();
  });

  it("reads damaged or foreign storage as no rows instead of breaking the page", () => {
    expect(fromSavedRows(null)).toEqual([]);
    expect(fromSavedRows("{not json")).toEqual([]);
    expect(fromSavedRows('{"id":"u1"}')).toEqual([]);
    expect(fromSavedRows('[{"id":"u1"},null,7]')).toEqual([]);
  });

  it("keeps the newest rows when a tab has uploaded very many files", () => {
    const many = Array.from({ length: 350 }, (_, index) => item({ id: `u${index}`, state: "added" }));
    const saved = toSavedRows(many);
    expect(saved).toHaveLength(300);
    expect(saved[0]?.id).toBe("u50");
    expect(saved.at(-1)?.id).toBe("u349");
  });

  it("recognises the same file by name, size and modification time", () => {
    expect(sameFile(file, { ...file })).toBe(true);
    expect(sameFile(file, { ...file, lastModified: file.lastModified + 1 })).toBe(false);
    expect(sameFile(file, { ...file, size: file.size - 1 })).toBe(false);
    expect(sameFile(file, { ...file, name: "dune (1).jpg" })).toBe(false);
  });
});
