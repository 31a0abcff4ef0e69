import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";

export const MiB = 1024 * 1024;

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export async function hashStream(body: Readable): Promise<{ hash: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of body) {
    hash.update(chunk as Uint8Array);
    size += (chunk as Uint8Array).length;
  }
  return { hash: hash.digest("hex"), size };
}

// Generates random bytes lazily so the test itself never holds the whole payload.
export function randomStream(
  totalBytes: number,
  chunkBytes = MiB,
): { stream: Readable; digest: () => string } {
  const hash = createHash("sha256");
  async function* generate() {
    for (let sent = 0; sent < totalBytes; sent += chunkBytes) {
      const chunk = randomBytes(Math.min(chunkBytes, totalBytes - sent));
      hash.update(chunk);
      yield chunk;
    }
  }
  return { stream: Readable.from(generate()), digest: () => hash.digest("hex") };
}

export async function collectKeys(iterable: AsyncIterable<{ key: string }>): Promise<string[]> {
  const keys: string[] = [];
  for await (const item of iterable) keys.push(item.key);
  return keys.sort();
}
