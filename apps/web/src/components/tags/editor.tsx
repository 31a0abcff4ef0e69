"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "~/trpc/react.tsx";
import { categoryNames, TagChip } from "./chip.tsx";
import { TagDetail } from "./detail.tsx";
import { ActionClockProvider, useFreshError, useMarkSuccess } from "./fresh-error.tsx";
import { TagNameForm } from "./name-form.tsx";

/** Search, create and pick a tag; the picked tag opens in the detail panel on the right. */
export function TagEditor() {
  return (
    <ActionClockProvider>
      <TagEditorPanels />
    </ActionClockProvider>
  );
}

/**
 * The selection lives in the address (`?tag=<name>`): the public tag page's "Edit tag" opens it, a
 * pick pushes a history entry so Back returns to the previous tag, and a reload keeps it.
 */
function useSelectedTag(): [string | null, (name: string, how?: "push" | "replace") => void] {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const select = (name: string, how: "push" | "replace" = "push") => {
    const next = new URLSearchParams(params);
    next.set("tag", name);
    router[how](`${pathname}?${next.toString()}`, { scroll: false });
  };
  return [params.get("tag") || null, select];
}

function TagEditorPanels() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const markSuccess = useMarkSuccess();
  const [query, setQuery] = useState("");
  const [category, setCategory] = useState("");
  const [selected, select] = useSelectedTag();
  const [newCategory, setNewCategory] = useState("general");
  const search = useRef<HTMLInputElement>(null);

  const list = useQuery(
    trpc.tag.list.queryOptions({
      query: query.trim() || undefined,
      category: category ? (category as "general") : undefined,
      limit: 100,
    }),
  );
  const create = useMutation(trpc.tag.create.mutationOptions());
  const createError = useFreshError(create);

  // "/" jumps to the search box from anywhere on the page, as in most admin tools.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== "/" || target?.closest("input, textarea, select")) return;
      event.preventDefault();
      search.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div className="admin-split">
      <section className="card admin-list-panel" aria-label="Tags">
        <TagNameForm
          label="New tag name"
          placeholder="new_tag_name"
          submitLabel="Create tag"
          buttonClassName="button"
          expects="new"
          pending={create.isPending}
          error={createError}
          errorTestId="tag-create-error"
          onEdit={create.reset}
          onSave={(name, _status, done) =>
            create.mutate(
              { name, category: newCategory as "general" },
              {
                onSuccess: async (tag) => {
                  done();
                  markSuccess();
                  select(tag.name);
                  await queryClient.invalidateQueries({ queryKey: trpc.tag.pathKey() });
                },
              },
            )
          }
        >
          <select
            className="input"
            aria-label="New tag category"
            value={newCategory}
            onChange={(event) => setNewCategory(event.target.value)}
          >
            {categoryNames.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </TagNameForm>
        <div className="admin-toolbar">
          <input
            ref={search}
            className="input"
            type="search"
            aria-label="Search tags"
            placeholder="Search tags (press /)"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <select
            className="input"
            aria-label="Category filter"
            value={category}
            onChange={(event) => setCategory(event.target.value)}
          >
            <option value="">all categories</option>
            {categoryNames.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </div>
        <p className="muted admin-count">
          {list.data ? `${list.data.total} tag${list.data.total === 1 ? "" : "s"}` : "Loading…"}
        </p>
        <ul className="tag-list">
          {list.data?.items.map((tag) => (
            <li key={tag.id}>
              <button
                type="button"
                className="tag-list-item"
                aria-pressed={selected === tag.name}
                onClick={() => select(tag.name)}
              >
                <TagChip name={tag.name} category={tag.category} count={tag.wallpaperCount} />
                {tag.description ? <span className="muted tag-list-desc">{tag.description}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="card admin-detail-panel" aria-label="Tag details">
        {selected ? (
          <TagDetail
            key={selected}
            name={selected}
            onRenamed={(name) => select(name, "replace")}
            onMerged={(name) => select(name, "replace")}
          />
        ) : (
          <p className="muted">Pick a tag to edit its category, description, aliases and implications.</p>
        )}
      </section>
    </div>
  );
}
