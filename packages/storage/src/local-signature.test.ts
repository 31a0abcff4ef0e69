import { describe, expect, it } from "vitest";
import { signLocalBlob, verifyLocalSignature } from "./local-signature.ts";

const SECRET = "unit-test-secret-0123456789abcdef";
const NOW = Date.UTC(2030, 0, 1);
const EXP = NOW / 1000 + 60;

describe("verifyLocalSignature", () => {
  const sig = signLocalBlob("originals/a.jpg", EXP, "GET", SECRET);

  it("accepts a fresh signature for the same key and method (string exp from a query)", () => {
    expect(verifyLocalSignature("originals/a.jpg", String(EXP), sig, "GET", SECRET, NOW)).toBe(true);
    expect(verifyLocalSignature("originals/a.jpg", EXP, sig, "HEAD", SECRET, NOW)).toBe(true);
  });

  it("accepts up to the expiry second and refuses after it", () => {
    expect(verifyLocalSignature("originals/a.jpg", EXP, sig, "GET", SECRET, EXP * 1000)).toBe(true);
    expect(verifyLocalSignature("originals/a.jpg", EXP, sig, "GET", SECRET, EXP * 1000 + 1)).toBe(false);
  });

  it("refuses another key, method, secret or expiry", () => {
    expect(verifyLocalSignature("originals/b.jpg", EXP, sig, "GET", SECRET, NOW)).toBe(false);
    expect(verifyLocalSignature("originals/a.jpg", EXP, sig, "PUT", SECRET, NOW)).toBe(false);
    expect(verifyLocalSignature("originals/a.jpg", EXP, sig, "DELETE", SECRET, NOW)).toBe(false);
    expect(verifyLocalSignature("originals/a.jpg", EXP, sig, "GET", `${SECRET}x`, NOW)).toBe(false);
    expect(verifyLocalSignature("originals/a.jpg", EXP + 1, sig, "GET", SECRET, NOW)).toBe(false);
  });

  it("refuses tampered or malformed signatures without throwing", () => {
    const flipped = (sig[0] === "0" ? "1" : "0") + sig.slice(1);
    for (const bad of [
      flipped,
      sig.slice(1),
      `${sig}00`,
      sig.toUpperCase(),
      "",
      "zz".repeat(32),
      null,
      undefined,
    ]) {
      expect(verifyLocalSignature("originals/a.jpg", EXP, bad, "GET", SECRET, NOW)).toBe(false);
    }
    for (const badExp of ["", "-1", "1e9", "12.5", "abc", null, undefined]) {
      expect(verifyLocalSignature("originals/a.jpg", badExp, sig, "GET", SECRET, NOW)).toBe(false);
    }
  });

  it("binds the content disposition", () => {
    const withCd = signLocalBlob("a.jpg", EXP, "GET", SECRET, 'attachment; filename="a.jpg"');
    expect(
      verifyLocalSignature("a.jpg", EXP, withCd, "GET", SECRET, NOW, 'attachment; filename="a.jpg"'),
    ).toBe(true);
    expect(verifyLocalSignature("a.jpg", EXP, withCd, "GET", SECRET, NOW, "inline")).toBe(false);
    expect(verifyLocalSignature("a.jpg", EXP, withCd, "GET", SECRET, NOW)).toBe(false);
  });
});
