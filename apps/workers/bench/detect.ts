import { readFile } from "node:fs/promises";
import { renderImageDerivatives } from "@wallpaperdb/imaging";
import { DETECT_INPUT_EDGE, detectContent, loadHuman } from "@wallpaperdb/vision/detect";
import { decodeForDetection } from "../src/adapters/imaging.ts";

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/**
 * The detect step's model in this process: its load (time, RSS added) and its CPU per image on each
 * file's stored thumbnail (the step's input), decoded as the step does. The whole pipeline's share is in
 * the passes that follow (the worker runs the detect component too).
 */
export async function measureDetect(files: string[], out: (line: string) => void): Promise<void> {
  const thumbs = [];
  for (const file of files) {
    const { variants } = await renderImageDerivatives(await readFile(file), {
      formats: { thumb: ["avif"], medium: [], preview: [] },
    });
    const thumb = variants.find((variant) => variant.kind === "thumb");
    if (thumb) thumbs.push(await decodeForDetection(thumb.data, DETECT_INPUT_EDGE));
  }
  const rssBefore = process.memoryUsage().rss;
  const loadCpu = process.cpuUsage();
  const loadStarted = performance.now();
  await loadHuman();
  out(
    `detect model load: ${(performance.now() - loadStarted).toFixed(0)} ms (${cpuMs(loadCpu).toFixed(0)} ms CPU), RSS ${mib(rssBefore)} -> ${mib(process.memoryUsage().rss)}`,
  );
  // The first call compiles the WASM kernels' shapes; the step pays it once per process.
  const [first] = thumbs;
  if (!first) return;
  const firstCpu = process.cpuUsage();
  await detectContent(first);
  out(`detect first image: ${cpuMs(firstCpu).toFixed(0)} ms CPU`);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const thumb of thumbs) await detectContent(thumb);
  out(
    `detect CPU per image (${thumbs.length} corpus thumbnails, ~${DETECT_INPUT_EDGE} px, WASM, one thread): ${(cpuMs(cpu) / thumbs.length).toFixed(0)} ms CPU, ${((performance.now() - started) / thumbs.length).toFixed(0)} ms wall; RSS now ${mib(process.memoryUsage().rss)}`,
  );
}
