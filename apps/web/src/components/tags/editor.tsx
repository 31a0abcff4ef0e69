"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";
import { categoryNames, TagChip } from "./chip.tsx";
import { TagDetail } from "./detail.tsx";

/** Search, create and pick a tag; the picked tag opens in the detail panel on the right. */
export function TagEditor() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState("");
  const [category, setCategory] = useState("");
  const [selected, setSelected] = useState<string | null>(null);
  const [newName, setNewName] = useState("");
  const [newCategory, setNewCategory] = useState("general");
  const search = useRef<HTMLInputElement>(null);

  const list = useQuery(
    trpc.tag.list.queryOptions({
      query: query.trim() || undefined,
      category: category ? (category as "general") : undefined,
      limit: 100,
    }),
  );
  const create = useMutation(
    trpc.tag.create.mutationOptions({
      onSuccess: async (tag) => {
        setNewName("");
        setSelected(tag.name);
        await queryClient.invalidateQueries({ queryKey: trpc.tag.pathKey() });
      },
    }),
  );

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

  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    if (newName.trim()) create.mutate({ name: newName.trim(), category: newCategory as "general" });
  };

  return (
    <div className="admin-split">
      <section className="card admin-list-panel" aria-label="Tags">
        <form className="admin-toolbar" onSubmit={onCreate}>
          <input
            className="input"
            aria-label="New tag name"
            placeholder="new_tag_name"
            value={newName}
            onChange={(event) => setNewName(event.target.value)}
          />
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
          <button className="button" type="submit" disabled={create.isPending}>
            Create tag
          </button>
        </form>
        {create.error ? (
          <p className="notice notice-bad" role="alert">
            {describeError(create.error)}
          </p>
        ) : null}
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
                onClick={() => setSelected(tag.name)}
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
          <TagDetail key={selected} name={selected} onRenamed={setSelected} onMerged={setSelected} />
        ) : (
          <p className="muted">Pick a tag to edit its category, description, aliases and implications.</p>
        )}
      </section>
    </div>
  );
}
