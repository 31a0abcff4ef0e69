import { describe, expect, it } from "vitest";
import { preparedStatementPolicy } from "./prepared-statements.ts";

describe("preparedStatementPolicy", () => {
  it("prepares the first texts up to the cap, and keeps preparing those", () => {
    const prepare = preparedStatementPolicy(2);
    expect(prepare("select 1")).toBe(true);
    expect(prepare("select 2")).toBe(true);
    expect(prepare("select 3")).toBe(false);
    expect(prepare("select 1")).toBe(true);
    expect(prepare("select 2")).toBe(true);
    expect(prepare("select 3")).toBe(false);
  });
});
