// Prints one closing line for the whole run ("tests: N passed, N failed, N skipped") from the
// Vitest and Playwright JSON reports, so CI can read the totals of every tier at once.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [dir = ".cache/test-results", seconds = "?"] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

const vitestFile = join(dir, "vitest.json");
if (existsSync(vitestFile)) {
  const report = JSON.parse(readFileSync(vitestFile, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
const e2eFile = join(dir, "e2e.json");
if (existsSync(e2eFile)) {
  const stats = JSON.parse(readFileSync(e2eFile, "utf8")).stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
}
process.stdout.write(`\nAll tiers finished in ${seconds}s\n`);
process.stdout.write(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
