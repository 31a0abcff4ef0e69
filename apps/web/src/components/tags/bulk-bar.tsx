"use client";

import { useMutation, useQueries, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";
import { TagListInput } from "./list-input.tsx";

interface Props {
  selectedIds: readonly string[];
}

/**
 * Adds and removes tags on every selected wallpaper in one wallpaper.bulkTag call (a delta, so it
 * merges with edits others make meanwhile). Self-contained: mount it under any grid with a selection.
 */
export function BulkTagBar({ selectedIds }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [add, setAdd] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const bulk = useMutation(
    trpc.wallpaper.bulkTag.mutationOptions({
      onSuccess: async () => {
        setAdd([]);
        setRemove([]);
        // Every wallpaper query, the gallery's searches included (they use tRPC's keys), shown or cached.
        await queryClient.invalidateQueries({ queryKey: trpc.wallpaper.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.tag.pathKey() });
      },
    }),
  );
  // A name that is neither a tag nor an alias would be created by the change: a typo must not become
  // a tag on every selected wallpaper without the curator saying so. tag.resolve answers (no 404).
  const lookups = useQueries({
    queries: add.map((name) => trpc.tag.resolve.queryOptions({ name }, { staleTime: 30_000 })),
  });
  const newNames = add.filter((_, index) => lookups[index]?.data?.tag === null);
  const newKey = newNames.join(" ");
  const [confirmedNew, setConfirmedNew] = useState("");
  const needsConfirm = newNames.length > 0 && confirmedNew !== newKey;
  const checking = lookups.some((lookup) => lookup.isPending);
  const count = selectedIds.length;
  const empty = add.length === 0 && remove.length === 0;
  // Editing the lists makes the last answer (an error or "Changed N of M") old news.
  const edit = (set: (tags: string[]) => void) => (tags: string[]) => {
    set(tags);
    bulk.reset();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (count === 0 || empty || needsConfirm || checking) return;
    bulk.mutate({ target: { wallpaperIds: [...selectedIds] }, add, remove });
  };
  return (
    <form className="bulk-bar" onSubmit={onSubmit} aria-label="Bulk tagging">
      <strong className="bulk-count" data-testid="bulk-count">
        {count} selected
      </strong>
      <TagListInput
        label="Tags to add"
        placeholder="add a tag"
        tags={add}
        onChange={edit(setAdd)}
        expects="any"
      />
      <TagListInput
        label="Tags to remove"
        placeholder="remove a tag"
        tags={remove}
        onChange={edit(setRemove)}
        expects="existing"
      />
      <button
        className="button"
        type="submit"
        disabled={count === 0 || empty || needsConfirm || checking || bulk.isPending}
      >
        Apply to {count}
      </button>
      {newNames.length > 0 ? (
        <p className="notice bulk-message" data-testid="bulk-new-tags">
          <span>
            Not a tag yet: <strong>{newNames.join(", ")}</strong>. Check the spelling, or{" "}
          </span>
          <label className="bulk-confirm">
            <input
              type="checkbox"
              checked={confirmedNew === newKey}
              onChange={(event) => setConfirmedNew(event.target.checked ? newKey : "")}
            />{" "}
            create {newNames.length === 1 ? "1 new tag" : `${newNames.length} new tags`}
          </label>
        </p>
      ) : null}
      {bulk.error ? (
        <p className="notice notice-bad bulk-message" role="alert">
          {describeError(bulk.error)}
        </p>
      ) : null}
      {bulk.data ? (
        <p className="notice notice-ok bulk-message" role="status" data-testid="bulk-result">
          Changed {bulk.data.changed} of {bulk.data.matched} wallpapers.
        </p>
      ) : null}
    </form>
  );
}
