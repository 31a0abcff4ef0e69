import { describe, expect, it } from "vitest";
import { isRejectionCode, rejectionFromError } from "./rejection.ts";

describe("rejectionFromError", () => {
  it("turns a tRPC error carrying a rejection code into a result", () => {
    const error = Object.assign(new Error("The file is a PDF, not an image or video."), {
      data: { code: "unsupported_type" },
    });
    expect(rejectionFromError(error)).toEqual({
      code: "unsupported_type",
      message: "The file is a PDF, not an image or video.",
    });
  });

  it("falls back to the code when the message is empty", () => {
    expect(rejectionFromError({ message: "", data: { code: "corrupt" } })).toEqual({
      code: "corrupt",
      message: "corrupt",
    });
  });

  it("leaves transport and server failures to be thrown", () => {
    expect(rejectionFromError(new Error("fetch failed"))).toBeNull();
    expect(rejectionFromError({ message: "x", data: { code: "internal" } })).toBeNull();
    expect(rejectionFromError({ message: "x", data: { code: "dependency_unavailable" } })).toBeNull();
    expect(rejectionFromError(null)).toBeNull();
    expect(rejectionFromError("too_large")).toBeNull();
  });

  it("knows exactly the stable rejection codes", () => {
    for (const code of ["unsupported_type", "too_large", "too_many_pixels", "corrupt", "too_long"]) {
      expect(isRejectionCode(code)).toBe(true);
    }
    expect(isRejectionCode("not_found")).toBe(false);
    expect(isRejectionCode(undefined)).toBe(false);
  });
});
