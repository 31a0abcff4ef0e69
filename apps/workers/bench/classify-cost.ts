import { renderImageDerivatives } from "@wallpaperdb/imaging";
import { classifierModel, classifyPixels } from "@wallpaperdb/vision/classify";

const NO_ENCODES = { formats: { thumb: [], medium: [], preview: [] } } as const;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/**
 * The classify step's own cost, in this process on the same analysis pictures the step reads (the
 * small plane, 512 px long edge): the model's load (wall time and the RSS it adds) and the CPU per
 * image of one classification (process CPU time, so it counts the WASM backend's work), after one
 * warm-up round. The pipeline passes then run the step in the worker; the ratio of this CPU to the
 * pipeline's CPU per image is what classify adds.
 */
export async function measureClassify(files: string[], out: (line: string) => void): Promise<number> {
  const pictures = [];
  for (const file of files) {
    const { analysis } = await renderImageDerivatives(file, NO_ENCODES);
    pictures.push(analysis.small);
  }
  const rssBefore = process.memoryUsage().rss;
  const loadStarted = performance.now();
  await classifierModel();
  const loadMs = performance.now() - loadStarted;
  const rssLoaded = process.memoryUsage().rss;
  for (const picture of pictures) await classifyPixels(picture);
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  for (const picture of pictures) await classifyPixels(picture);
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000 / pictures.length;
  out(
    `classify (nsfwjs MobileNetV2, tfjs WASM, 1 thread): model load ${(loadMs / 1000).toFixed(1)} s, +${mib(rssLoaded - rssBefore)} RSS loaded; ${cpuMs.toFixed(0)} ms CPU / ${((performance.now() - started) / pictures.length).toFixed(0)} ms wall per image (${pictures.length} corpus images)`,
  );
  return cpuMs;
}
