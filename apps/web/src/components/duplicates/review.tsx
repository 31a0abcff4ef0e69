"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { describeError, errorReason } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";
import { BulkAll } from "./bulk-all.tsx";
import { type DuplicateGroup, type GroupChoice, groupKey, keepRequest, suggested } from "./choice.ts";
import { DuplicateGroupCard } from "./group.tsx";

/** Groups per page, and so the most one bulk request carries. */
export const GROUPS_PAGE = 20;

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function problemText(error: unknown): string {
  return errorReason(error) === "duplicate_group_changed"
    ? "This group changed since it was shown (a wallpaper was moderated, edited or deleted). It has been reloaded: check it and decide again."
    : describeError(error);
}

/**
 * The duplicate review: near-duplicate groups side by side, newest first, a page at a time. Each group
 * starts on the suggested keep (most pixels, then quality, then oldest); the curator can pick another,
 * mark a member as not a duplicate, keep, or dismiss the group; selected groups or all of them can take
 * their choice in one request per page.
 */
export function DuplicateReview() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [offset, setOffset] = useState(0);
  const [choices, setChoices] = useState<Record<string, GroupChoice>>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const query = useQuery(trpc.admin.duplicates.groups.queryOptions({ limit: GROUPS_PAGE, offset }));
  const groups = query.data?.groups ?? [];
  const total = query.data?.total ?? 0;

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.admin.duplicates.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.admin.moderation.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.wallpaper.pathKey() });
  };
  const failed = (group: DuplicateGroup) => async (error: unknown) => {
    setProblems((all) => ({ ...all, [groupKey(group)]: problemText(error) }));
    await refresh();
  };
  const keep = useMutation(trpc.admin.duplicates.keep.mutationOptions());
  const dismiss = useMutation(trpc.admin.duplicates.dismiss.mutationOptions());
  const keepMany = useMutation(trpc.admin.duplicates.keepMany.mutationOptions());
  const choiceOf = (group: DuplicateGroup) => choices[groupKey(group)] ?? suggested(group);
  const busy = keep.isPending || dismiss.isPending || keepMany.isPending;

  const keepGroup = (group: DuplicateGroup) =>
    keep.mutate(keepRequest(group, choiceOf(group)), {
      onSuccess: async (result) => {
        const { tags, favorites, collectionEntries } = result.moved;
        setNotice(
          `Kept 1 wallpaper, rejected ${result.rejected.length}; moved ${count(tags, "tag")}, ${count(favorites, "favorite")} and ${count(collectionEntries, "collection entry", "collection entries")}.`,
        );
        await refresh();
      },
      onError: failed(group),
    });
  const dismissGroup = (group: DuplicateGroup) =>
    dismiss.mutate(
      { memberIds: group.ids, version: group.version },
      { onSuccess: refresh, onError: failed(group) },
    );
  const chosen = groups.filter((group) => selected.has(groupKey(group)));
  const keepSelected = () =>
    keepMany.mutate(
      { groups: chosen.map((group) => keepRequest(group, choiceOf(group))) },
      {
        onSuccess: async ({ results }) => {
          const conflicts = results.filter((r) => r.status !== "kept").length;
          const refusals = results.flatMap((r) => (r.status === "refused" ? [r] : []));
          setProblems(
            Object.fromEntries(refusals.map((r) => [[...r.memberIds].sort().join(","), r.message])),
          );
          setNotice(
            `Kept the choice in ${results.length - conflicts} of ${count(results.length, "group")}${conflicts ? `; ${conflicts} changed meanwhile or were refused and are shown again` : ""}.`,
          );
          setSelected(new Set());
          await refresh();
        },
      },
    );

  return (
    <div className="admin-stack">
      <p className="muted dup-intro">
        Near-duplicates that are linked form one group. Newest group first: what an upload or import just
        flagged comes first. The suggested keep has the most pixels, then the best quality, then was uploaded
        first; keeping moves the others' tags (those people added), favorites and collection places to it and
        rejects them.
      </p>
      <div className="admin-toolbar dup-toolbar">
        <span className="dup-total">
          {query.data ? `${count(total, "group")} · ${count(query.data.openFlags, "open flag")}` : "Loading…"}
        </span>
        {groups.length > 0 ? (
          <>
            <label className="dup-select">
              <input
                type="checkbox"
                checked={chosen.length === groups.length}
                onChange={(e) => setSelected(new Set(e.target.checked ? groups.map(groupKey) : []))}
              />
              Select page
            </label>
            <button
              type="button"
              className="button button-small"
              disabled={busy || chosen.length === 0}
              onClick={keepSelected}
            >
              Keep choice in {chosen.length} selected
            </button>
          </>
        ) : null}
        <BulkAll total={total} disabled={busy} onDone={refresh} />
      </div>
      {notice ? (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      ) : null}
      {query.error ? <p className="notice notice-bad">{describeError(query.error)}</p> : null}
      {keepMany.error ? <p className="notice notice-bad">{describeError(keepMany.error)}</p> : null}
      {query.data && groups.length === 0 ? (
        <p className="notice dup-empty">
          No open near-duplicates. New uploads that look like earlier ones show up here.
        </p>
      ) : null}
      {groups.map((group) => {
        const key = groupKey(group);
        return (
          <DuplicateGroupCard
            key={`${key}:${group.version}`}
            group={group}
            choice={choiceOf(group)}
            onChoice={(choice) => setChoices((all) => ({ ...all, [key]: choice }))}
            selected={selected.has(key)}
            onSelect={(on) =>
              setSelected((all) => {
                const next = new Set(all);
                if (on) next.add(key);
                else next.delete(key);
                return next;
              })
            }
            onKeep={() => keepGroup(group)}
            onDismiss={() => dismissGroup(group)}
            busy={busy}
            problem={problems[key] ?? null}
          />
        );
      })}
      {total > GROUPS_PAGE ? (
        <nav className="admin-toolbar dup-pager" aria-label="Pages">
          <button
            type="button"
            className="button button-ghost button-small"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - GROUPS_PAGE))}
          >
            ← Newer
          </button>
          <span className="muted">
            {offset + 1}–{Math.min(total, offset + GROUPS_PAGE)} of {total}
          </span>
          <button
            type="button"
            className="button button-ghost button-small"
            disabled={total <= offset + GROUPS_PAGE}
            onClick={() => setOffset(offset + GROUPS_PAGE)}
          >
            Older →
          </button>
        </nav>
      ) : null}
    </div>
  );
}
