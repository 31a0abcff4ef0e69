"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";
import { categoryNames, TagChip } from "./chip.tsx";
import { useFreshError, useMarkSuccess } from "./fresh-error.tsx";
import { TagLinks } from "./links.tsx";
import { TagMerge } from "./merge.tsx";
import { TagNameForm } from "./name-form.tsx";

interface Props {
  name: string;
  onRenamed(name: string): void;
  onMerged(name: string): void;
}

export function TagDetail({ name, onRenamed, onMerged }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tag = useQuery(trpc.tag.byName.queryOptions({ name }));
  const markSuccess = useMarkSuccess();
  // Renames, aliases and implications change what a search finds and what a wallpaper lists.
  const invalidate = async () => {
    markSuccess();
    await queryClient.invalidateQueries({ queryKey: trpc.tag.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.wallpaper.pathKey() });
  };
  const update = useMutation(trpc.tag.update.mutationOptions({ onSuccess: invalidate }));
  const rename = useMutation(
    trpc.tag.rename.mutationOptions({
      onSuccess: async (renamed) => {
        await invalidate();
        onRenamed(renamed.name);
      },
    }),
  );
  const updateError = useFreshError(update);
  const renameError = useFreshError(rename);
  const [description, setDescription] = useState<string | null>(null);

  if (tag.isPending) return <p className="muted">Loading…</p>;
  if (tag.error) return <p className="notice notice-bad">{describeError(tag.error)}</p>;
  const t = tag.data;

  const saveDescription = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ tagId: t.id, description: (description ?? t.description ?? "").trim() || null });
  };

  return (
    <div className="tag-detail" data-testid="tag-detail">
      <header className="tag-detail-head">
        <TagChip name={t.name} category={t.category} count={t.wallpaperCount} />
        {t.resolvedFromAlias ? (
          <span className="muted">found through alias “{t.resolvedFromAlias}”</span>
        ) : null}
      </header>

      <div className="admin-toolbar">
        <label className="admin-inline-label" htmlFor="tag-category">
          Category
        </label>
        <select
          id="tag-category"
          className="input"
          value={t.category}
          onChange={(event) => update.mutate({ tagId: t.id, category: event.target.value as "general" })}
        >
          {categoryNames.map((category) => (
            <option key={category}>{category}</option>
          ))}
        </select>
      </div>

      <form className="admin-stack" onSubmit={saveDescription}>
        <label className="admin-inline-label" htmlFor="tag-description">
          Description
        </label>
        <textarea
          id="tag-description"
          className="input"
          rows={3}
          value={description ?? t.description ?? ""}
          onChange={(event) => {
            setDescription(event.target.value);
            update.reset();
          }}
        />
        <div>
          <button className="button button-ghost button-small" type="submit" disabled={update.isPending}>
            Save description
          </button>
          {update.isSuccess ? <span className="muted admin-saved"> Saved.</span> : null}
        </div>
      </form>
      {updateError ? (
        <p className="notice notice-bad" role="alert">
          {describeError(updateError)}
        </p>
      ) : null}

      <TagNameForm
        label="Rename to"
        placeholder="Rename to…"
        submitLabel="Rename"
        expects="new"
        self={t.name}
        pending={rename.isPending}
        error={renameError}
        errorTestId="tag-rename-error"
        onEdit={rename.reset}
        onSave={(newName, _status, done) =>
          rename.mutate({ tagId: t.id, name: newName }, { onSuccess: done })
        }
      />

      <TagLinks tag={t} onChanged={invalidate} />
      <TagMerge source={t} onMerged={onMerged} />
    </div>
  );
}
