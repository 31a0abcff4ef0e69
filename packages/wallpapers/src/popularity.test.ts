import { describe, expect, it } from "vitest";
import { isPersonViewing, visitorKey } from "./popularity.ts";

const browser =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

describe("who counts as a view", () => {
  it("a browser, but not a crawler, a script or a prefetch", () => {
    expect(isPersonViewing(new Headers({ "user-agent": browser }))).toBe(true);
    expect(isPersonViewing(new Headers({ "user-agent": "Mozilla/5.0 (compatible; bingbot/2.0)" }))).toBe(
      false,
    );
    expect(isPersonViewing(new Headers({ "user-agent": "curl/8.5.0" }))).toBe(false);
    expect(isPersonViewing(new Headers())).toBe(false);
    expect(isPersonViewing(new Headers({ "user-agent": browser, "sec-purpose": "prefetch" }))).toBe(false);
  });

  it("a visitor's key changes with the day and never holds the address", () => {
    const anon = { kind: "anonymous", address: "203.0.113.7", userAgent: browser } as const;
    const today = visitorKey(anon, "2026-03-02", "secret");
    expect(today).toBe(visitorKey(anon, "2026-03-02", "secret"));
    expect(today).not.toBe(visitorKey(anon, "2026-03-03", "secret"));
    expect(today).not.toContain("203.0.113.7");
    expect(visitorKey({ kind: "account", accountId: "a" }, "2026-03-02", "secret")).not.toBe(
      visitorKey({ kind: "account", accountId: "b" }, "2026-03-02", "secret"),
    );
  });
});
