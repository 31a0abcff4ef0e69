import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The README promises that .env.example documents every setting; this keeps the promise true when
// someone adds a variable to a package's env.ts.
const root = join(import.meta.dirname, "..", "..", "..");

function envFiles(): string[] {
  const files: string[] = [];
  for (const group of ["apps", "packages"]) {
    for (const name of readdirSync(join(root, group))) {
      const file = join(root, group, name, "src", "env.ts");
      try {
        readFileSync(file);
        files.push(file);
      } catch {
        // a package without configuration
      }
    }
  }
  return files;
}

function variablesReadBy(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((match) => match[1] ?? "");
}

describe(".env.example", () => {
  const documented = new Set(
    [...readFileSync(join(root, ".env.example"), "utf8").matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]),
  );

  it("documents every variable an env.ts reads", () => {
    const files = envFiles();
    expect(files.length).toBeGreaterThan(5);
    const missing = files.flatMap((file) =>
      variablesReadBy(file)
        .filter((name) => !documented.has(name))
        .map((name) => `${name} (${file.slice(root.length + 1)})`),
    );
    expect(missing).toEqual([]);
  });
});
