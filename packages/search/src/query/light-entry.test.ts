import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Run in a fresh Node process (Vitest's own module graph already holds whatever other tests loaded):
// a load hook records every module the given specifiers pull in, resolved from this package.
const probe = `
import { registerHooks } from "node:module";
const loaded = [];
registerHooks({ load: (url, context, next) => (loaded.push(url), next(url, context)) });
for (const specifier of JSON.parse(process.env.ENTRIES)) await import(specifier);
process.stdout.write(JSON.stringify(loaded));
`;

function sharpModulesLoadedBy(...entries: string[]): string[] {
  const output = execFileSync(process.execPath, ["--input-type=module", "--eval", probe], {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    env: { ...process.env, ENTRIES: JSON.stringify(entries) },
    encoding: "utf8",
  });
  const loaded = JSON.parse(output) as string[];
  return loaded.filter((url) => /[/\\](sharp|@img)[/\\]/u.test(url));
}

// The query parser and the home page's colour swatches need only the palette and its maths: naming a
// colour must not load sharp, the native image library that only the image-processing code needs.
describe("light entry points", () => {
  it("the query parser and the colour entry load no sharp", () => {
    expect(sharpModulesLoadedBy("@wallpaperdb/search/query", "@wallpaperdb/imaging/colors")).toEqual([]);
  }, 20_000);

  it("the probe does see sharp where it is loaded (imaging's main entry)", () => {
    expect(sharpModulesLoadedBy("@wallpaperdb/imaging").length).toBeGreaterThan(0);
  }, 20_000);
});
