import { normalizeTagNameResult } from "./normalize.ts";

/**
 * The tag description markup: a small subset of Danbooru's DText, parsed into plain data that the page
 * renders as text nodes and links. No HTML ever comes out of it, so nothing typed into a description can
 * become markup (`<script>` is the text "<script>").
 *
 *   [[mountain]]              a link to the tag page of `mountain` (names are normalized: [[Snowy Peak]])
 *   [[mountain|the peaks]]    the same link, shown as "the peaks"
 *   wallpaper #<uuid>         a link to that wallpaper (Danbooru writes `post #123`; our ids are UUIDs)
 *   a blank line              a new paragraph; a single line break stays a line break
 *
 * Anything else, including a `[[…]]` whose name is not a valid tag name, stays literal text. Pure and
 * dependency-free: the web app imports it (`@wallpaperdb/tags/markup`) on the server and in the browser.
 */
export type MarkupInline =
  | { kind: "text"; text: string }
  | { kind: "break" }
  | { kind: "tag"; name: string; label: string }
  | { kind: "wallpaper"; id: string; label: string };

export type MarkupParagraph = MarkupInline[];

/** Descriptions are at most 2,000 characters (tag.update); a longer text is cut, never rejected here. */
const MAX_SOURCE = 10_000;
const TOKEN =
  /\[\[([^[\]\n]{1,200})\]\]|\bwallpaper #([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b|\n/giu;

export function parseTagMarkup(source: string): MarkupParagraph[] {
  const text = source.replace(/\r\n?/gu, "\n").slice(0, MAX_SOURCE);
  return text
    .split(/\n[ \t]*\n+/u)
    .map((block) => block.replace(/^\n+|\n+$/gu, ""))
    .filter((block) => block.trim().length > 0)
    .map(parseInline);
}

function parseInline(block: string): MarkupParagraph {
  const out: MarkupInline[] = [];
  const pushText = (value: string) => {
    if (value.length === 0) return;
    const last = out.at(-1);
    if (last?.kind === "text") last.text += value;
    else out.push({ kind: "text", text: value });
  };
  let at = 0;
  for (const match of block.matchAll(TOKEN)) {
    const index = match.index;
    pushText(block.slice(at, index));
    at = index + match[0].length;
    if (match[0] === "\n") out.push({ kind: "break" });
    else if (match[2] !== undefined)
      out.push({ kind: "wallpaper", id: match[2].toLowerCase(), label: match[0] });
    else {
      const link = tagLink(match[1] ?? "");
      if (link) out.push(link);
      else pushText(match[0]);
    }
  }
  pushText(block.slice(at));
  return out;
}

function tagLink(inside: string): MarkupInline | null {
  const bar = inside.indexOf("|");
  const rawName = bar === -1 ? inside : inside.slice(0, bar);
  const rawLabel = bar === -1 ? "" : inside.slice(bar + 1).trim();
  const result = normalizeTagNameResult(rawName);
  if (!result.ok) return null;
  return { kind: "tag", name: result.name, label: rawLabel || rawName.trim() };
}

/** The distinct tag names a description links to (the page asks which exist). */
export function linkedTagNames(paragraphs: readonly MarkupParagraph[]): string[] {
  const names = new Set<string>();
  for (const paragraph of paragraphs)
    for (const inline of paragraph) if (inline.kind === "tag") names.add(inline.name);
  return [...names];
}
