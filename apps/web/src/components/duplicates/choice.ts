import type { AppRouter, inferRouterOutputs } from "@wallpaperdb/api";

type RouterOutputs = inferRouterOutputs<AppRouter>;

export type DuplicateGroup = RouterOutputs["admin"]["duplicates"]["groups"]["groups"][number];
export type DuplicateMember = DuplicateGroup["members"][number];

/** What the curator chose for one group: the member kept and the members that are not duplicates. */
export interface GroupChoice {
  keepId: string;
  notDuplicates: readonly string[];
}

export const suggested = (group: DuplicateGroup): GroupChoice => ({
  keepId: group.defaultKeepId,
  notDuplicates: [],
});

/** The request for one group: everyone else but the kept one and the "not a duplicate" ones is rejected. */
export function keepRequest(group: DuplicateGroup, choice: GroupChoice) {
  return {
    memberIds: group.ids,
    version: group.version,
    keepId: choice.keepId,
    rejectIds: group.ids.filter((id) => id !== choice.keepId && !choice.notDuplicates.includes(id)),
  };
}

/** A stable key for a group while it is on screen (its members may change; then it is a new group). */
export const groupKey = (group: DuplicateGroup) => group.ids.join(",");
