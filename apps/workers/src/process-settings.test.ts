import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { WORKER_MALLOC_ENV, WORKER_NODE_FLAGS } from "./process-settings.ts";

const read = (relative: string) => readFileSync(new URL(relative, import.meta.url), "utf8");

// Each launcher writes the settings out in its own syntax; this keeps them from drifting apart.
const launchers = {
  "apps/workers package.json start": JSON.parse(read("../package.json")).scripts.start as string,
  "scripts/run.sh": read("../../../scripts/run.sh"),
  "apps/workers/Dockerfile": read("../Dockerfile"),
};

describe("worker launch settings", () => {
  for (const [name, text] of Object.entries(launchers)) {
    it(`${name} passes every V8 flag and malloc setting`, () => {
      for (const flag of WORKER_NODE_FLAGS) expect(text, flag).toContain(flag);
      for (const [key, value] of Object.entries(WORKER_MALLOC_ENV)) {
        expect(text, key).toMatch(new RegExp(`${key}=(\\$\\{${key}:-)?${value}`));
      }
    });
  }

  it("no launcher passes a V8 heap flag that process-settings.ts does not list", () => {
    for (const [name, text] of Object.entries(launchers)) {
      const heapFlags = text.match(/--(?:max|min|initial|heap|single|external)-[a-z-]+(?:=\w+)?/g) ?? [];
      expect(new Set(heapFlags), name).toEqual(new Set(WORKER_NODE_FLAGS));
    }
  });

  it("keeps V8 flags out of NODE_OPTIONS, which refuses most of them", () => {
    for (const text of Object.values(launchers)) expect(text).not.toMatch(/NODE_OPTIONS=.*--max-/);
  });
});
