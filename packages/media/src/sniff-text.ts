import type { Sniffed } from "./media-types.ts";

// Tags that make a browser treat a document as HTML (after the WHATWG MIME sniffing standard).
// biome-ignore format: a packed list of short codes reads best
const htmlOpeners = [
  "<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<h1", "<div", "<font", "<table",
  "<a", "<style", "<title", "<b", "<br", "<p", "<!--", "<meta", "<img", "<object", "<embed", "<form",
];

function decodeStart(head: Uint8Array): string {
  let start = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) start = 3;
  return new TextDecoder("utf-8", { fatal: false }).decode(head.subarray(start));
}

function isHtmlOpener(lower: string, opener: string): boolean {
  if (!lower.startsWith(opener)) return false;
  if (opener === "<!--") return true;
  const next = lower.charAt(opener.length);
  return next === "" || next === ">" || /\s/.test(next);
}

/** Printable text: no NUL and almost no other control characters in the first bytes. */
function looksLikeText(head: Uint8Array): boolean {
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control += 1;
  }
  return control <= head.length / 100;
}

/**
 * Markup and text formats have no magic number, so they are recognised by their leading characters.
 * Playlists and concat lists are named separately because they are the classic way to make ffmpeg read
 * other files or URLs.
 */
export function sniffMarkupOrText(head: Uint8Array): Sniffed {
  const text = decodeStart(head);
  const trimmed = text.trimStart();
  const lower = trimmed.toLowerCase();
  if (trimmed.startsWith("#EXTM3U")) return { kind: "rejected", family: "playlist" };
  if (lower.startsWith("ffconcat version")) return { kind: "rejected", family: "ffconcat" };
  if (lower.startsWith("<?xml") || lower.startsWith("<svg") || lower.startsWith("<!doctype svg")) {
    return { kind: "rejected", family: lower.includes("<svg") ? "svg" : "xml" };
  }
  if (htmlOpeners.some((opener) => isHtmlOpener(lower, opener))) return { kind: "rejected", family: "html" };
  if (looksLikeText(head)) {
    // A list of paths or URLs is still a playlist to ffmpeg's eyes; name it so.
    if (/^\s*(file\s+'|#EXTINF|(https?|rtmp|rtsp|file):\/\/)/im.test(text)) {
      return { kind: "rejected", family: "playlist" };
    }
    return { kind: "rejected", family: "text" };
  }
  return { kind: "rejected", family: "unknown" };
}
