"use client";

import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react.tsx";
import { useFreshError, useMarkSuccess } from "./fresh-error.tsx";
import { TagNameForm } from "./name-form.tsx";
import type { NameStatus } from "./name-preview.ts";

/** Merge in two steps: name the survivor (an alias names its tag), read what moves, then confirm. */
export function TagMerge({
  source,
  onMerged,
}: {
  source: { id: number; name: string };
  onMerged(name: string): void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const markSuccess = useMarkSuccess();
  const [targetName, setTargetName] = useState<string | null>(null);
  // Exact lookup (an answer, never a 404): the hint already said whether the name is a tag.
  const target = useQuery(
    trpc.tag.resolve.queryOptions(targetName === null ? skipToken : { name: targetName }),
  );
  // Never a merge into itself (the hint says so): also after a merge, when this panel's name, now an
  // alias, resolves to the survivor for a moment before the selection moves to it.
  const targetId = target.data?.tag?.id;
  const preview = useQuery(
    trpc.tag.previewMerge.queryOptions(
      targetId === undefined || targetId === source.id ? skipToken : { sourceId: source.id, targetId },
      { retry: false },
    ),
  );
  const merge = useMutation(
    trpc.tag.merge.mutationOptions({
      onSuccess: async (result) => {
        markSuccess();
        setTargetName(null);
        await queryClient.invalidateQueries({ queryKey: trpc.tag.pathKey() });
        // The source's wallpapers now carry the target: searches and tag lists change.
        await queryClient.invalidateQueries({ queryKey: trpc.wallpaper.pathKey() });
        onMerged(result.target.name);
      },
    }),
  );
  const mergeError = useFreshError(merge);
  const missing = target.data?.tag === null ? `No tag or alias is named “${target.data.name}”.` : null;
  const error = target.error ?? preview.error ?? mergeError;
  const p = preview.data;

  const onSave = (name: string, status: NameStatus) => {
    merge.reset();
    // An alias merges into the tag it resolves to; name that tag, so the preview says what happens.
    setTargetName(status.kind === "alias" ? status.target : name);
  };

  return (
    <div className="tag-merge">
      <h3>Merge</h3>
      <TagNameForm
        label="Merge into tag"
        placeholder={`merge “${source.name}” into…`}
        submitLabel="Preview merge"
        expects="existing"
        self={source.name}
        error={missing ? null : error}
        errorTestId="tag-merge-error"
        onEdit={() => {
          setTargetName(null);
          merge.reset();
        }}
        onSave={onSave}
      />
      {missing ? (
        <p className="notice notice-bad" role="alert" data-testid="tag-merge-error">
          {missing}
        </p>
      ) : null}
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
