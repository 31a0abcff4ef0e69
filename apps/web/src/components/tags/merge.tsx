"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";

/** Merge in two steps: name the survivor, read what moves, then confirm. */
export function TagMerge({
  source,
  onMerged,
}: {
  source: { id: number; name: string };
  onMerged(name: string): void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState("");
  const [targetName, setTargetName] = useState<string | null>(null);
  const target = useQuery({
    ...trpc.tag.byName.queryOptions({ name: targetName ?? "" }),
    enabled: targetName !== null,
  });
  const targetId = target.data?.id;
  const preview = useQuery({
    ...trpc.tag.previewMerge.queryOptions({ sourceId: source.id, targetId: targetId ?? 0 }),
    enabled: targetId !== undefined,
  });
  const merge = useMutation(
    trpc.tag.merge.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.tag.pathKey() });
        // The source's wallpapers now carry the target: searches and tag lists change.
        await queryClient.invalidateQueries({ queryKey: trpc.wallpaper.pathKey() });
        onMerged(target.data?.name ?? source.name);
      },
    }),
  );
  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) setTargetName(draft.trim());
  };
  const p = preview.data;
  const error = target.error ?? preview.error ?? merge.error;

  return (
    <div className="tag-merge">
      <h3>Merge</h3>
      <form className="admin-toolbar" onSubmit={onPreview}>
        <input
          className="input"
          aria-label="Merge into tag"
          placeholder={`merge “${source.name}” into…`}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button className="button button-ghost" type="submit">
          Preview merge
        </button>
      </form>
      {error ? <p className="notice notice-bad">{describeError(error)}</p> : null}
      {p ? (
        <div className="merge-preview" data-testid="merge-preview">
          <p>
            <strong>{p.source.name}</strong> ({p.source.wallpaperCount}) → <strong>{p.target.name}</strong> (
            {p.target.wallpaperCount})
          </p>
          <ul>
            <li>
              {p.wallpapersMoving} wallpapers move; {p.wallpapersAlreadyOnTarget} already have the target
            </li>
            <li>aliases moving: {p.aliasesMoving.join(", ")} (the old name becomes an alias)</li>
            <li>
              {p.implicationsMoving.length} implications move, {p.implicationsDropped.length} dropped
            </li>
          </ul>
          {p.createsCycle ? (
            <p className="notice notice-bad">This merge would create an implication cycle.</p>
          ) : null}
          <button
            className="button"
            type="button"
            disabled={merge.isPending || p.createsCycle}
            onClick={() => merge.mutate({ sourceId: p.source.id, targetId: p.target.id })}
          >
            Merge {p.source.name} into {p.target.name}
          </button>
        </div>
      ) : null}
    </div>
  );
}
