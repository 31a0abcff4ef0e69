import { normalizeTagName } from "@wallpaperdb/tags/normalize";

export type TagNamePreview = { ok: true; name: string } | { ok: false; message: string };

/**
 * The name as it would be saved, or the normalizer's own sentence for why it cannot be: the one rule
 * (packages/tags/src/normalize.ts), so "Bad Tag!" shows `bad_tag!` before it is saved, not after.
 */
export function previewTagName(raw: string): TagNamePreview | null {
  if (raw.trim() === "") return null;
  try {
    return { ok: true, name: normalizeTagName(raw) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** What `tag.resolve` answers for a normalized name. */
export interface ResolvedName {
  name: string;
  tag: { name: string } | null;
  viaAlias: boolean;
}

/**
 * What a field wants: a free name (create, rename, alias), a tag that exists (implication, merge), or
 * either (tagging, where a new name is created).
 */
export type NameExpectation = "new" | "existing" | "any";

export type NameStatus =
  | { kind: "invalid"; message: string }
  | { kind: "checking"; name: string }
  | { kind: "new"; name: string }
  | { kind: "existing"; name: string }
  | { kind: "alias"; name: string; target: string };

/** Combines the normalizer's verdict with the server's answer for that exact name (undefined: pending). */
export function nameStatus(preview: TagNamePreview, resolved: ResolvedName | undefined): NameStatus {
  if (!preview.ok) return { kind: "invalid", message: preview.message };
  const { name } = preview;
  if (resolved?.name !== name) return { kind: "checking", name };
  if (resolved.tag === null) return { kind: "new", name };
  if (resolved.viaAlias) return { kind: "alias", name, target: resolved.tag.name };
  return { kind: "existing", name };
}

/**
 * Why saving this name in this field will be refused, in the words of the tag rules' errors, or null.
 * `self` is the tag being edited: renaming to its own alias is allowed, linking it to itself is not.
 */
export function nameProblem(status: NameStatus, expects: NameExpectation, self?: string): string | null {
  if (expects === "any") return status.kind === "invalid" ? status.message : null;
  switch (status.kind) {
    case "invalid":
      return status.message;
    case "checking":
      return null;
    case "new":
      return expects === "existing" ? `No tag or alias is named “${status.name}”.` : null;
    case "existing":
      if (expects === "new") return `A tag named “${status.name}” already exists.`;
      return status.name === self ? "That is this tag itself." : null;
    case "alias":
      if (expects === "new") {
        return status.target === self ? null : `“${status.name}” is already an alias of “${status.target}”.`;
      }
      return status.target === self ? "That is an alias of this tag itself." : null;
  }
}
