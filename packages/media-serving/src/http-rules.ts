import type { ImageFormat } from "./media-path.ts";

/**
 * AVIF, then WebP, then JPEG, as far as `Accept` allows. Browsers list what they decode (`image/avif,
 * image/webp,…`); an explicit `;q=0` removes a format; without any image type the safe answer is JPEG.
 */
export function negotiateImageFormat(accept: string | null, available: readonly ImageFormat[]): ImageFormat {
  const weights = new Map<string, number>();
  for (const part of (accept ?? "").split(",")) {
    const [type = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(type.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (format: ImageFormat) =>
    weights.get(`image/${format}`) ??
    (format === "jpeg" ? (weights.get("image/*") ?? weights.get("*/*") ?? 0) : 0);
  const ranked = (["avif", "webp", "jpeg"] as const).filter((f) => available.includes(f) && weightOf(f) > 0);
  ranked.sort((a, b) => weightOf(b) - weightOf(a));
  return ranked[0] ?? "jpeg";
}

export type RangeRequest = { start: number; end: number } | "unsatisfiable" | undefined;

/**
 * One `bytes=` range (`a-b`, `a-`, `-n`). Several ranges or a malformed header are ignored — the whole
 * file is a valid answer to those (RFC 9110 §14.2) and saves multipart responses nobody here needs.
 */
export function parseRange(header: string | null, size: number): RangeRequest {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, from = "", to = ""] = match;
  if (from === "" && to === "") return undefined;
  if (from === "") {
    const suffix = Number(to);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}

/** `If-None-Match` against a strong ETag (weak comparison, as RFC 9110 asks for this header). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag);
}

const extensions: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/avif": "avif",
  "image/heif": "heic",
  "image/gif": "gif",
  "video/mp4": "mp4",
  "video/quicktime": "mov",
  "video/webm": "webm",
  "video/x-matroska": "mkv",
};

export function extensionFor(mimeType: string): string {
  return extensions[mimeType] ?? "bin";
}

/**
 * A download name that is safe in any file system and header: the last path component of what the
 * uploader called it, without its extension (the sniffed type decides that), without control, path
 * and shell-hostile characters, at most 80 characters; `wallpaper-<id>` when nothing is left.
 */
export function safeBaseName(originalName: string | null, fallback: string): string {
  const last = (originalName ?? "").split(/[\\/]/).pop() ?? "";
  const withoutExtension = last.replace(/\.[^.]{1,10}$/, "");
  const cleaned = withoutExtension
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}<>:"/\\|?*%;]/gu, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s.-]+|[\s.]+$/g, "")
    .slice(0, 80)
    .trim();
  return cleaned === "" ? fallback : cleaned;
}

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 + RFC 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
