"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { AdminPreview } from "~/components/admin/preview.tsx";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";
import { TagGroups } from "./groups.tsx";
import { TagHistory } from "./history.tsx";
import { TagInput } from "./input.tsx";
import { TagSuggestions } from "./suggestions.tsx";

/** The keyboard-first tagging view: one wallpaper, its tags, suggestions, history, and j/k to move on. */
export function TagWorkbench({ wallpaperId }: { wallpaperId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const wallpaper = useQuery(trpc.wallpaper.byId.queryOptions({ wallpaperId }));
  const tags = useQuery(trpc.wallpaper.tags.queryOptions({ wallpaperId }));
  const suggestions = useQuery(trpc.wallpaper.suggestTags.queryOptions({ wallpaperId, limit: 9 }));
  // The queue: recently uploaded visible wallpapers, newest first.
  const queue = useQuery(trpc.wallpaper.search.queryOptions({ limit: 100 }));
  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.wallpaper.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.tag.pathKey() });
  }, [queryClient, trpc]);
  const setTags = useMutation(trpc.wallpaper.setTags.mutationOptions({ onSuccess: refresh }));

  const human = (tags.data ?? []).filter((tag) => tag.sources.includes("human"));
  // Until the suggestions refetch, a tag just added (from any source) leaves the list at once.
  const present = new Set((tags.data ?? []).map((t) => t.name));
  const open = (suggestions.data ?? []).filter((s) => !present.has(s.name)).slice(0, 9);

  const add = useCallback(
    (name: string) => setTags.mutate({ wallpaperId, add: [name] }),
    [setTags, wallpaperId],
  );
  const remove = useCallback(
    (name: string) => setTags.mutate({ wallpaperId, remove: [name] }),
    [setTags, wallpaperId],
  );

  const ids = queue.data?.items.map((item) => item.id) ?? [];
  const position = ids.indexOf(wallpaperId);
  const go = useCallback(
    (step: number) => {
      const next = ids[position === -1 ? 0 : position + step];
      if (next) router.push(`/admin/tag/${next}`);
    },
    [ids, position, router],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = Boolean(target?.closest("input, textarea, select"));
      if (event.altKey && /^[1-9]$/.test(event.key)) {
        const picked = open[Number(event.key) - 1];
        if (picked) add(picked.name);
        event.preventDefault();
        return;
      }
      if (typing || event.metaKey || event.ctrlKey) return;
      if (event.key === "j" || event.key === "ArrowRight") go(1);
      else if (event.key === "k" || event.key === "ArrowLeft") go(-1);
      else if (event.key === "/" || event.key === "t") {
        event.preventDefault();
        input.current?.focus();
      } else if (/^[1-9]$/.test(event.key)) {
        const picked = open[Number(event.key) - 1];
        if (picked) add(picked.name);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [add, go, open]);

  useEffect(() => {
    input.current?.focus();
  }, []);

  if (wallpaper.error) return <p className="notice notice-bad">{describeError(wallpaper.error)}</p>;
  const w = wallpaper.data;

  return (
    <div className="workbench">
      <div className="workbench-media">
        <AdminPreview wallpaperId={wallpaperId} alt={w?.originalFilename ?? "wallpaper"} large />
        <p className="muted workbench-facts">
          {w ? `${w.originalFilename ?? "untitled"} · ${w.width}×${w.height} · ${w.mediaType}` : "Loading…"}
        </p>
        <div className="admin-toolbar">
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => go(-1)}
            disabled={position <= 0}
          >
            ← Previous <kbd>k</kbd>
          </button>
          <span className="muted">
            {position === -1 ? "not in queue" : `${position + 1} / ${ids.length}`}
          </span>
          <button type="button" className="button button-ghost button-small" onClick={() => go(1)}>
            Next <kbd>j</kbd> →
          </button>
          <Link href={`/wallpapers/${wallpaperId}`} className="nav-link">
            Open in gallery
          </Link>
        </div>
      </div>
      <div className="workbench-side">
        <TagInput
          inputRef={input}
          onAdd={add}
          onRemove={remove}
          onRemoveLast={() => {
            const last = human.at(-1);
            if (last) remove(last.name);
          }}
        />
        {setTags.error ? (
          <p className="notice notice-bad" role="alert">
            {describeError(setTags.error)}
          </p>
        ) : null}
        <TagGroups tags={tags.data ?? []} onRemove={remove} />
        <TagSuggestions
          suggestions={open}
          onAdd={add}
          numbered
          hint="press 1–9 (Alt+1–9 while typing)"
          loading={suggestions.isPending}
          disabled={setTags.isPending}
        />
        <TagHistory wallpaperId={wallpaperId} onChanged={refresh} />
      </div>
    </div>
  );
}
