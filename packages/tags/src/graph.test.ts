import { describe, expect, it } from "vitest";
import { checkNewImplication, type Edge, findPath, impliedBy } from "./graph.ts";

// 1 → 2 → 3, 4 → 3
const chain: Edge[] = [
  [1, 2],
  [2, 3],
  [4, 3],
];

describe("implication graph rules", () => {
  it("accepts an unrelated link", () => {
    expect(checkNewImplication(chain, 3, 5)).toEqual({ ok: true });
  });

  it("refuses a self link and a duplicate", () => {
    expect(checkNewImplication(chain, 2, 2)).toEqual({ ok: false, kind: "self" });
    expect(checkNewImplication(chain, 1, 2)).toEqual({ ok: false, kind: "exists" });
  });

  it("refuses direct and transitive cycles and reports the loop", () => {
    expect(checkNewImplication(chain, 2, 1)).toEqual({ ok: false, kind: "cycle", path: [2, 1, 2] });
    expect(checkNewImplication(chain, 3, 1)).toEqual({ ok: false, kind: "cycle", path: [3, 1, 2, 3] });
  });

  it("refuses a link already implied through a chain", () => {
    expect(checkNewImplication(chain, 1, 3)).toEqual({ ok: false, kind: "already_implied", path: [1, 2, 3] });
  });

  it("refuses a link that would make an existing one redundant and names it", () => {
    // 4 → 3 exists; adding 4 → 2 gives 4 → 2 → 3, so 4 → 3 becomes redundant.
    expect(checkNewImplication(chain, 4, 2)).toEqual({ ok: false, kind: "makes_redundant", links: [[4, 3]] });
    // 0 → 3 exists; adding 0 → 1 gives 0 → 1 → 2 → 3.
    expect(checkNewImplication([...chain, [0, 3]], 0, 1)).toMatchObject({
      kind: "makes_redundant",
      links: [[0, 3]],
    });
  });

  it("finds shortest paths and transitive closures", () => {
    expect(findPath(chain, 1, 3)).toEqual([1, 2, 3]);
    expect(findPath(chain, 3, 1)).toBeNull();
    expect([...impliedBy(chain, [1])].sort()).toEqual([2, 3]);
    expect([...impliedBy(chain, [1, 2])].sort()).toEqual([3]);
  });
});
