"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTRPC } from "~/trpc/react.tsx";
import { describeError } from "./admin-errors.ts";

function names(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/**
 * Adds and removes tags on every selected wallpaper in one wallpaper.bulkTag call (a delta, so it
 * merges with edits others make meanwhile). Self-contained: mount it under any grid with a selection.
 */
export function BulkTagBar({ selectedIds, onDone }: { selectedIds: readonly string[]; onDone?(): void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [add, setAdd] = useState("");
  const [remove, setRemove] = useState("");
  const bulk = useMutation(
    trpc.wallpaper.bulkTag.mutationOptions({
      onSuccess: async () => {
        setAdd("");
        setRemove("");
        await queryClient.invalidateQueries({ queryKey: trpc.wallpaper.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.tag.pathKey() });
        onDone?.();
      },
    }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (selectedIds.length === 0) return;
    bulk.mutate({ target: { wallpaperIds: [...selectedIds] }, add: names(add), remove: names(remove) });
  };
  const count = selectedIds.length;
  return (
    <form className="bulk-bar" onSubmit={onSubmit} aria-label="Bulk tagging">
      <strong className="bulk-count" data-testid="bulk-count">
        {count} selected
      </strong>
      <input
        className="input"
        aria-label="Tags to add"
        placeholder="add: tag_a tag_b"
        value={add}
        onChange={(event) => setAdd(event.target.value)}
      />
      <input
        className="input"
        aria-label="Tags to remove"
        placeholder="remove: tag_c"
        value={remove}
        onChange={(event) => setRemove(event.target.value)}
      />
      <button className="button" type="submit" disabled={count === 0 || bulk.isPending}>
        Apply to {count}
      </button>
      {bulk.error ? (
        <p className="notice notice-bad bulk-message" role="alert">
          {describeError(bulk.error)}
        </p>
      ) : null}
      {bulk.data ? (
        <p className="notice notice-ok bulk-message" role="status">
          Changed {bulk.data.changed} of {bulk.data.matched} wallpapers.
        </p>
      ) : null}
    </form>
  );
}
