import { createHash } from "node:crypto";

// The pure rules of the duplicate review (issue 16): which flags form one group, which member is kept
// by default, and the version that tells a decision the group changed under it. No database here, so
// the rules are unit-tested on their own (duplicate-review-rules.test.ts).

/** An open near-duplicate flag: `wallpaperId` (the newer copy) looks like `duplicateOf`. */
export interface FlagEdge {
  wallpaperId: string;
  duplicateOf: string;
  flaggedAt: Date;
}

export interface FlagGroup {
  /** Member ids, sorted. */
  ids: string[];
  /** When the group's newest flag was raised: the page's order. */
  newestFlag: Date;
  flags: number;
}

/**
 * Connected flags form one group (union-find over the flags): a copy of a copy is reviewed with the
 * original, not as two pairs. Newest group first (the newest flag of each): what an import just
 * flagged is at the top while the curator remembers it, and resolving a group removes it without
 * reordering the rest. Ties by the smallest member id, so pages are stable.
 */
export function groupFlags(edges: readonly FlagEdge[]): FlagGroup[] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    for (let next = parent.get(root); next !== undefined && next !== root; next = parent.get(root)) {
      root = next;
    }
    // Path compression: later finds on this chain take one step.
    for (let at = id; at !== root; ) {
      const next = parent.get(at) ?? root;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  for (const edge of edges) {
    if (!parent.has(edge.wallpaperId)) parent.set(edge.wallpaperId, edge.wallpaperId);
    if (!parent.has(edge.duplicateOf)) parent.set(edge.duplicateOf, edge.duplicateOf);
    const a = find(edge.wallpaperId);
    const b = find(edge.duplicateOf);
    // The smaller id becomes the root: the same flags give the same roots in any order.
    if (a < b) parent.set(b, a);
    else if (b < a) parent.set(a, b);
  }
  const groups = new Map<string, FlagGroup>();
  for (const edge of edges) {
    const root = find(edge.wallpaperId);
    const group = groups.get(root) ?? { ids: [], newestFlag: edge.flaggedAt, flags: 0 };
    group.flags += 1;
    if (edge.flaggedAt > group.newestFlag) group.newestFlag = edge.flaggedAt;
    groups.set(root, group);
  }
  for (const id of parent.keys()) groups.get(find(id))?.ids.push(id);
  const list = [...groups.values()];
  for (const group of list) group.ids.sort();
  return list.sort(
    (a, b) =>
      b.newestFlag.getTime() - a.newestFlag.getTime() || (a.ids[0] ?? "").localeCompare(b.ids[0] ?? ""),
  );
}

export interface KeepCandidate {
  id: string;
  width: number;
  height: number;
  qualityScore: number | null;
  createdAt: Date;
}

/**
 * The member kept by default: the most pixels (a copy rarely gains detail by growing, so the larger file
 * is the better source), then the higher quality score (same size: the less compressed or cleaner one;
 * not yet scored counts as lowest), then the oldest (the first uploader's credit), then the smaller id.
 */
export function defaultKeep(members: readonly KeepCandidate[]): string | null {
  const ranked = [...members].sort(
    (a, b) =>
      b.width * b.height - a.width * a.height ||
      (b.qualityScore ?? -1) - (a.qualityScore ?? -1) ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.id.localeCompare(b.id),
  );
  return ranked[0]?.id ?? null;
}

/**
 * A short token of what the curator saw: each member's id and last change (moderation, purity). A
 * decision sent with an older token is refused as `duplicate_group_changed` instead of acting on a group
 * that is no longer what was shown.
 */
export function groupVersion(members: readonly { id: string; updatedAt: Date }[]): string {
  const text = [...members]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((member) => `${member.id}@${member.updatedAt.getTime()}`)
    .join(",");
  return createHash("sha256").update(text).digest("base64url").slice(0, 16);
}

/** The reason a duplicate is rejected with; also how a retried keep recognises its own earlier work. */
export function duplicateReason(keptId: string): string {
  return `Duplicate of ${keptId}`;
}
