"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { WallpaperView } from "@wallpaperdb/wallpapers";
import { useEffect, useRef, useState } from "react";
import { describeError, errorReason } from "~/components/shared/describe-error.ts";
import { TagAutocomplete } from "~/components/tags/autocomplete.tsx";
import { TagSuggestions } from "~/components/tags/suggestions.tsx";
import { useTRPC } from "~/trpc/react.tsx";
import { WallpaperTags } from "./panels.tsx";
import {
  addToDraft,
  draftChips,
  emptyDraft,
  isDraftEmpty,
  previewTagName,
  removeFromDraft,
  replaceInDraft,
  type TagDraft,
} from "./tag-editor-draft.ts";
import { useNewTag } from "./use-new-tag.ts";

/**
 * The tags panel for a viewer who may change the wallpaper's tags (`view.mayChange`, the rule
 * `wallpaper.setTags` enforces): "Edit tags" turns it into chips and the one tag combobox; Save sends
 * the delta through `wallpaper.setTags` and the panel shows the saved tags without a reload.
 */
export function WallpaperTagEditor({
  wallpaperId,
  tags,
}: {
  wallpaperId: string;
  tags: WallpaperView["tags"];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const live = useQuery({ ...trpc.wallpaper.tags.queryOptions({ wallpaperId }), initialData: tags });
  const [editing, setEditing] = useState(false);
  // Asked for only once the editor is open: most viewers of the page never edit.
  const suggested = useQuery({
    ...trpc.wallpaper.suggestTags.queryOptions({ wallpaperId, limit: 8 }),
    enabled: editing,
  });
  const [draft, setDraft] = useState<TagDraft>(emptyDraft);
  const [typed, setTyped] = useState("");
  const [refusal, setRefusal] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Opening the editor is asking to type: the combobox takes the focus.
  useEffect(() => {
    if (editing) input.current?.focus();
  }, [editing]);
  const save = useMutation(
    trpc.wallpaper.setTags.mutationOptions({
      onSuccess: async (result) => {
        queryClient.setQueryData(trpc.wallpaper.tags.queryKey({ wallpaperId }), result.tags);
        setDraft(emptyDraft);
        setEditing(false);
        // Every wallpaper query (the gallery's searches too, see gallery-freshness) and tag counts.
        await queryClient.invalidateQueries({ queryKey: trpc.wallpaper.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.tag.pathKey() });
      },
    }),
  );
  const human = live.data.filter((tag) => tag.sources.includes("human")).map((tag) => tag.name);
  const current = new Set(human);

  const toggle = (
    <button
      type="button"
      className="button button-ghost button-small"
      aria-expanded={editing}
      onClick={() => {
        setEditing(!editing);
        setDraft(emptyDraft);
        setRefusal(null);
        save.reset();
      }}
    >
      {editing ? "Close editor" : "Edit tags"}
    </button>
  );
  if (!editing) return <WallpaperTags tags={live.data} action={toggle} />;

  const onPick = (raw: string) => {
    const preview = previewTagName(raw);
    if (!preview) return;
    if (!preview.ok) {
      setRefusal(preview.message);
      return;
    }
    setRefusal(null);
    setDraft((old) => addToDraft(old, preview.name, current));
  };
  const preview = previewTagName(typed);
  const drafted = new Set([...human, ...draft.add]);
  const suggestions = (suggested.data ?? []).filter((s) => !drafted.has(s.name));
  const others = live.data.filter((tag) => !tag.sources.includes("human"));

  return (
    <WallpaperTags tags={live.data} action={toggle}>
      <div className="tag-edit" data-testid="tag-editor">
        <ul className="tag-edit-chips" aria-label="Tags after saving">
          {draftChips(human, draft).map((chip) => (
            <li key={chip.name} className="tag-edit-chip" data-added={chip.added} data-testid="tag-edit-chip">
              <span>{chip.name}</span>
              {chip.added ? <NewTagBadge name={chip.name} /> : null}
              <button
                type="button"
                className="tag-edit-remove"
                aria-label={`Remove tag ${chip.name}`}
                onClick={() => setDraft((old) => removeFromDraft(old, chip.name, current))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        {draft.add.map((name) => (
          <NewTagNotice
            key={name}
            name={name}
            onReplace={(to) => setDraft((old) => replaceInDraft(old, name, to, current))}
          />
        ))}
        <TagAutocomplete
          inputRef={input}
          label="Add tag"
          placeholder="add a tag: Enter or comma"
          commaPicks
          disabled={save.isPending}
          onTextChange={setTyped}
          onPick={({ name }) => onPick(name)}
          onEmptyBackspace={() => {
            const last = draftChips(human, draft).at(-1);
            if (last) setDraft((old) => removeFromDraft(old, last.name, current));
          }}
        />
        <p className="tag-edit-preview muted" data-testid="tag-edit-preview" aria-live="polite">
          {preview === null ? (
            "Names are saved in lower case with _ for spaces."
          ) : preview.ok ? (
            <>
              As typed, saved as <code>{preview.name}</code>
            </>
          ) : (
            <span className="tag-edit-invalid">{preview.message}</span>
          )}
        </p>
        <TagSuggestions
          suggestions={suggestions}
          onAdd={onPick}
          hint="click one to add it, then save"
          loading={suggested.isPending}
          disabled={save.isPending}
        />
        {draft.remove.length > 0 ? (
          <p className="muted tag-edit-summary">Removing: {draft.remove.join(", ")}</p>
        ) : null}
        {others.length > 0 ? (
          <p className="muted tag-edit-summary">
            Auto and implied tags follow the file and the other tags; they are not edited here.
          </p>
        ) : null}
        {refusal ? (
          <p className="notice notice-bad" role="alert" data-reason="invalid_tag_name">
            {refusal}
          </p>
        ) : null}
        {save.error ? (
          <p className="notice notice-bad" role="alert" data-reason={errorReason(save.error) ?? undefined}>
            {describeError(save.error)}
          </p>
        ) : null}
        <div className="tag-edit-actions">
          <button
            type="button"
            className="button"
            disabled={isDraftEmpty(draft) || save.isPending}
            onClick={() => save.mutate({ wallpaperId, add: draft.add, remove: draft.remove })}
          >
            {save.isPending ? "Saving…" : "Save tags"}
          </button>
          <button
            type="button"
            className="button button-ghost"
            onClick={() => {
              setDraft(emptyDraft);
              setRefusal(null);
              setEditing(false);
              save.reset();
            }}
          >
            Cancel
          </button>
        </div>
      </div>
    </WallpaperTags>
  );
}

function NewTagBadge({ name }: { name: string }) {
  return useNewTag(name).isNew ? (
    <span className="tag-edit-new" data-testid="tag-edit-new">
      new
    </span>
  ) : null;
}

/** A new name is created on save (as Danbooru does); the panel says so and offers the close names. */
function NewTagNotice({ name, onReplace }: { name: string; onReplace(to: string): void }) {
  const { isNew, suggestions } = useNewTag(name);
  if (!isNew) return null;
  return (
    <p className="tag-edit-summary" data-testid="tag-edit-new-notice">
      <code>{name}</code> is not a tag yet; saving creates it.
      {suggestions.length > 0 ? " Did you mean " : null}
      {suggestions.map((hit) => (
        <button
          key={hit.id}
          type="button"
          className="tag-edit-suggestion"
          data-testid="tag-edit-did-you-mean"
          onClick={() => onReplace(hit.name)}
        >
          {hit.name}
        </button>
      ))}
      {suggestions.length > 0 ? "?" : null}
    </p>
  );
}
