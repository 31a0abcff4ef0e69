"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";
import { TagListInput } from "~/components/tags/list-input.tsx";
import {
  activeFilterCount,
  emptyFilters,
  filtersToParams,
  type GalleryFilters,
  QUALITIES,
  RATIOS,
  RESOLUTIONS,
  SORTS,
} from "./filters.ts";

export interface Swatch {
  name: string;
  hex: string;
}

interface Props {
  filters: GalleryFilters;
  swatches: Swatch[];
}

function toggle(list: string[], value: string): string[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

/** Every control writes the URL (replace, no scroll jump); the page re-renders from it, so links share views. */
export function FilterBar({ filters, swatches }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState(filters.q);
  const [open, setOpen] = useState(false);

  function apply(next: GalleryFilters) {
    const params = filtersToParams(next).toString();
    startTransition(() => router.replace(params ? `/?${params}` : "/", { scroll: false }));
  }
  const set = (patch: Partial<GalleryFilters>) => apply({ ...filters, ...patch });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    set({ q: text });
  }

  const count = activeFilterCount(filters);
  return (
    <section className="filter-bar" aria-label="Filters" data-pending={pending} data-open={open}>
      <form className="filter-row" onSubmit={onSubmit} aria-label="Search">
        <input
          className="input filter-query"
          aria-label="Query"
          placeholder="Query, e.g. nature -city atleast:2560x1440"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <button className="button" type="submit">
          Search
        </button>
        <button
          type="button"
          className="button button-ghost filter-toggle"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
        >
          Filters{count ? ` (${count})` : ""}
        </button>
      </form>
      <div className="filter-panel">
        <TagListInput
          label="Tag"
          placeholder={filters.tags.length ? "Add a tag" : "Tags (use -tag to exclude)"}
          allowNegation
          tags={filters.tags}
          onChange={(tags) => set({ tags })}
        />
        <fieldset className="filter-swatches">
          <legend className="sr-only">Colors</legend>
          {swatches.map((swatch) => {
            const hex = swatch.hex.replace("#", "");
            const on = filters.colors.includes(hex);
            return (
              <button
                key={hex}
                type="button"
                className="swatch"
                data-testid="color-swatch"
                data-hex={hex}
                aria-pressed={on}
                aria-label={`Color ${swatch.name}`}
                title={swatch.name}
                style={{ background: swatch.hex }}
                onClick={() => set({ colors: toggle(filters.colors, hex) })}
              />
            );
          })}
        </fieldset>
        <div className="filter-selects">
          <label>
            <span>At least</span>
            <select
              className="input"
              value={filters.atleast ?? ""}
              onChange={(event) => set({ atleast: event.target.value || null })}
            >
              <option value="">Any size</option>
              {RESOLUTIONS.map((size) => (
                <option key={size} value={size}>
                  {size.replace("x", "×")}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>Ratio</span>
            <select
              className="input"
              value={filters.ratios[0] ?? ""}
              onChange={(event) => set({ ratios: event.target.value ? [event.target.value] : [] })}
            >
              <option value="">Any ratio</option>
              {RATIOS.map((ratio) => (
                <option key={ratio} value={ratio}>
                  {ratio.replace("x", ":")}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>Orientation</span>
            <select
              className="input"
              value={filters.orientation ?? ""}
              onChange={(event) =>
                set({ orientation: (event.target.value || null) as GalleryFilters["orientation"] })
              }
            >
              <option value="">Any</option>
              <option value="landscape">Landscape</option>
              <option value="portrait">Portrait</option>
              <option value="square">Square</option>
            </select>
          </label>
          <label>
            <span>Quality</span>
            <select
              className="input"
              value={filters.minQuality ?? ""}
              onChange={(event) =>
                set({ minQuality: event.target.value ? Number(event.target.value) : null })
              }
            >
              <option value="">Any</option>
              {QUALITIES.map((q) => (
                <option key={q} value={q}>
                  {q}+
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>Type</span>
            <select
              className="input"
              value={filters.type ?? ""}
              onChange={(event) => set({ type: (event.target.value || null) as GalleryFilters["type"] })}
            >
              <option value="">All</option>
              <option value="image">Images</option>
              <option value="video">Videos</option>
            </select>
          </label>
          <label>
            <span>Sort</span>
            <select
              className="input"
              value={filters.sort}
              onChange={(event) => {
                const sort = event.target.value as GalleryFilters["sort"];
                // A seed in the URL keeps a shared random view in the same order.
                set({ sort, seed: sort === "random" ? 1 + Math.floor(Math.random() * 1_000_000) : null });
              }}
            >
              {SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {sort[0]?.toUpperCase()}
                  {sort.slice(1)}
                </option>
              ))}
            </select>
          </label>
          {count > 0 ? (
            <button
              type="button"
              className="button button-ghost"
              onClick={() => {
                setText("");
                apply(emptyFilters);
              }}
            >
              Clear
            </button>
          ) : null}
        </div>
      </div>
    </section>
  );
}
