"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
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
  const count = selectedIds.length;
  const empty = add.length === 0 && remove.length === 0;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (count === 0 || empty) return;
    bulk.mutate({ target: { wallpaperIds: [...selectedIds] }, add, remove });
  };
  return (
    <form className="bulk-bar" onSubmit={onSubmit} aria-label="Bulk tagging">
      <strong className="bulk-count" data-testid="bulk-count">
        {count} selected
      </strong>
      <TagListInput label="Tags to add" placeholder="add a tag" tags={add} onChange={setAdd} />
      <TagListInput label="Tags to remove" placeholder="remove a tag" tags={remove} onChange={setRemove} />
      <button className="button" type="submit" disabled={count === 0 || empty || bulk.isPending}>
        Apply to {count}
      </button>
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
