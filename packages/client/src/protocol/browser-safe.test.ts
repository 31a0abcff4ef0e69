import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The upload page bundles this folder: a node:* import or a Buffer would break it in the browser
// (or pull a polyfill into every visitor's download), so the folder may import only these.
// `@wallpaperdb/db/purity` is one constant list with no imports (the purity a file is uploaded with).
const allowedPackages = new Set(["tus-js-client", "@wallpaperdb/core/errors", "@wallpaperdb/db/purity"]);

describe("the protocol entry point", () => {
  it("imports only browser-safe modules and never uses Buffer", async () => {
    const dir = import.meta.dirname;
    const sources = (await readdir(dir)).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));
    expect(sources).toContain("index.ts");
    for (const name of sources) {
      // Comments may name what the code must not use.
      const text = (await readFile(join(dir, name), "utf8")).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      const imported = [...text.matchAll(/from "([^"]+)"/g)].map((match) => match[1] ?? "");
      const packages = imported.filter((specifier) => !specifier.startsWith("./"));
      expect(
        packages.filter((specifier) => !allowedPackages.has(specifier)),
        name,
      ).toEqual([]);
      expect(text, name).not.toMatch(/\bBuffer\b|\bprocess\.|require\(/);
    }
  });
});
