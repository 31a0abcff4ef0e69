import { describe, expect, it } from "vitest";
import { exitCodes, fatalOf, networkCause } from "./server-errors.ts";

function fetchFailed(code: string, message: string): Error {
  return new TypeError("fetch failed", { cause: Object.assign(new Error(message), { code }) });
}

describe("fatal errors", () => {
  it("names the URL and the system's cause when nothing answers", () => {
    const refused = new Error("fetch failed", {
      cause: fetchFailed("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:9"),
    });
    expect(fatalOf(refused, "http://127.0.0.1:9", false)).toEqual({
      code: "unreachable",
      message:
        "Cannot reach http://127.0.0.1:9: ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:9). Check --url or WALLPAPERDB_URL.",
      exitCode: exitCodes.unreachable,
    });
    const both = new AggregateError([
      Object.assign(new Error("getaddrinfo ENOTFOUND nope.invalid"), { code: "ENOTFOUND" }),
    ]);
    expect(networkCause(new TypeError("fetch failed", { cause: both }))?.code).toBe("ENOTFOUND");
    // A port fetch refuses to dial (9 is on its blocked list) has no system code, only a message.
    const blocked = new Error("fetch failed", {
      cause: new TypeError("fetch failed", { cause: new Error("bad port") }),
    });
    expect(fatalOf(blocked, "http://127.0.0.1:9", true)?.message).toMatch(
      /^Cannot reach http:\/\/127\.0\.0\.1:9: bad port\./,
    );
  });

  it("stops on unauthorized with one hint naming WALLPAPERDB_API_KEY and wallpaperdb login", () => {
    const refused = Object.assign(new Error("Sign in to upload."), { data: { code: "unauthorized" } });
    const fatal = fatalOf(refused, "http://wp.test", false);
    expect(fatal?.exitCode).toBe(exitCodes.unauthorized);
    expect(fatal?.message).toContain("WALLPAPERDB_API_KEY");
    expect(fatal?.message).toContain("wallpaperdb login");
    expect(fatalOf(refused, "http://wp.test", true)?.message).toMatch(/^The server refused the API key/);
  });

  it("leaves one file's failure to that file", () => {
    expect(
      fatalOf(Object.assign(new Error("x"), { data: { code: "internal" } }), "http://wp.test", true),
    ).toBeNull();
    expect(fatalOf(new Error("socket hang up"), "http://wp.test", true)).toBeNull();
  });
});
