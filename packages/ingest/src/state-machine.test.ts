import { describe, expect, it } from "vitest";
import { isTerminal, nextState, statesAllowing, uploadStates } from "./state-machine.ts";

describe("upload state machine", () => {
  it("follows the happy path initiated → receiving → received → committed", () => {
    expect(nextState("initiated", "bytes_started")).toBe("receiving");
    expect(nextState("receiving", "bytes_finished")).toBe("received");
    expect(nextState("received", "commit")).toBe("committed");
  });

  it("never commits an upload whose bytes have not all arrived", () => {
    expect(nextState("initiated", "commit")).toBeNull();
    expect(nextState("receiving", "commit")).toBeNull();
    expect(statesAllowing("commit")).toEqual(["received"]);
  });

  it("can reject or expire any open upload, and nothing leaves a terminal state", () => {
    expect(statesAllowing("reject")).toEqual(["initiated", "receiving", "received"]);
    expect(statesAllowing("expire")).toEqual(["initiated", "receiving", "received"]);
    for (const state of ["committed", "rejected", "expired"] as const) {
      expect(isTerminal(state)).toBe(true);
      for (const event of ["bytes_started", "bytes_finished", "commit", "reject", "expire"] as const) {
        expect(nextState(state, event)).toBeNull();
      }
    }
  });

  it("does not go backwards", () => {
    expect(nextState("received", "bytes_started")).toBeNull();
    expect(nextState("receiving", "bytes_started")).toBeNull();
    expect(uploadStates.filter((state) => !isTerminal(state))).toEqual([
      "initiated",
      "receiving",
      "received",
    ]);
  });
});
