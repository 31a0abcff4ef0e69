// Micro-benchmark (not a test): per-image time of renderImageDerivatives against raw sharp doing a
// decode + one resize to the preview size, one image at a time on the corpus. Output goes to stdout.
import { readFileSync } from "node:fs";
import { configureSharp } from "@wallpaperdb/media";
import sharp from "sharp";
import { renderImageDerivatives } from "../src/render-derivatives.ts";
import { corpusFiles } from "../src/testing.ts";

const files = process.argv[2] ? readFileSync(process.argv[2], "utf8").trim().split("\n") : corpusFiles();
const write = (line: string) => process.stdout.write(`${line}\n`);
configureSharp();
write(`sharp.concurrency()=${sharp.concurrency()} files=${files.length}`);

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

let totalRaw = 0;
let totalDerivatives = 0;
for (const file of files) {
  const raw = await timed(() =>
    sharp(file).rotate().resize(2560, 1440, { fit: "inside", withoutEnlargement: true }).raw().toBuffer(),
  );
  const derivatives = await timed(() => renderImageDerivatives(file));
  totalRaw += raw;
  totalDerivatives += derivatives;
  write(
    `${file.split("/").pop()?.padEnd(40)} raw ${raw.toFixed(0).padStart(6)} ms  derivatives ${derivatives.toFixed(0).padStart(6)} ms`,
  );
}
write(
  `raw sharp: ${((files.length * 1000) / totalRaw).toFixed(2)} img/s; renderImageDerivatives: ${((files.length * 1000) / totalDerivatives).toFixed(2)} img/s; ratio ${(totalRaw / totalDerivatives).toFixed(2)}`,
);
