import { describe, expect, it } from "vitest";
import { POSITION_GAP, positionBetween, renumberedPosition } from "./collection-order.ts";

/** A collection as positions in order; moves like the domain does, counting the rows each writes. */
function simulate(
  size: number,
  moves: (items: number[], step: number) => { from: number; to: number },
  count: number,
) {
  let positions = Array.from({ length: size }, (_, rank) => renumberedPosition(rank));
  let renumbers = 0;
  let rowsWritten = 0;
  for (let step = 0; step < count; step += 1) {
    const { from, to } = moves(positions, step);
    const [moved] = positions.splice(from, 1);
    if (moved === undefined) throw new Error("no item");
    let position = positionBetween(positions[to - 1] ?? null, positions[to] ?? null);
    if (position === null) {
      renumbers += 1;
      rowsWritten += positions.length;
      positions = positions.map((_, rank) => renumberedPosition(rank));
      position = positionBetween(positions[to - 1] ?? null, positions[to] ?? null);
    }
    if (position === null) throw new Error("no room after renumbering");
    positions.splice(to, 0, position);
    rowsWritten += 1;
    // The order stays strict after every move.
    if (positions.some((value, index) => index > 0 && value <= (positions[index - 1] ?? value))) {
      throw new Error(`positions out of order after move ${step}`);
    }
  }
  return { renumbers, rowsPerMove: rowsWritten / count };
}

describe("gapped positions", () => {
  it("places between neighbours, before the first and after the last", () => {
    expect(positionBetween(null, null)).toBe(0);
    expect(positionBetween(null, 10)).toBe(10 - POSITION_GAP);
    expect(positionBetween(10, null)).toBe(10 + POSITION_GAP);
    expect(positionBetween(10, 20)).toBe(15);
    expect(positionBetween(10, 12)).toBe(11);
    expect(positionBetween(10, 11)).toBeNull();
  });

  it("random moves in a 1,000-item collection almost never renumber it", () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    const result = simulate(1000, () => ({ from: next() % 1000, to: next() % 999 }), 10_000);
    process.stdout.write(
      `\nrandom moves: ${result.renumbers} renumbers in 10,000 moves, ${result.rowsPerMove.toFixed(2)} rows written per move\n`,
    );
    expect(result.renumbers).toBeLessThanOrEqual(5);
    expect(result.rowsPerMove).toBeLessThan(2);
  });

  it("moving into one spot again and again renumbers every 17th move at worst", () => {
    // Always take the last item and put it second: each move halves the same gap.
    const result = simulate(100, (items) => ({ from: items.length - 1, to: 1 }), 170);
    process.stdout.write(
      `\nsame spot: ${result.renumbers} renumbers in 170 moves, ${result.rowsPerMove.toFixed(2)} rows written per move\n`,
    );
    expect(result.renumbers).toBeLessThanOrEqual(10);
    expect(result.rowsPerMove).toBeLessThan(100 / 16 + 1);
  });
});
