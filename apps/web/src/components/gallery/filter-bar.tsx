"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { TagListInput } from "~/components/tags/list-input.tsx";
import { ColorSwatches, type Swatch } from "./color-swatches.tsx";
import { feedHref } from "./feed-link.ts";
import {
  activeFilterCount,
  emptyFilters,
  type GalleryFilters,
  QUALITIES,
  RATIOS,
  RESOLUTIONS,
  SORTS,
} from "./filters.ts";
import { SlimBar, useScrolledPast } from "./slim-bar.tsx";
import { TileSizeControl } from "./tile-size-control.tsx";
import { TopRangeSelect } from "./top-range-select.tsx";
import { useFilterUrl } from "./use-filter-url.ts";

interface Props {
  filters: GalleryFilters;
  swatches: Swatch[];
}

const sortNames: Record<GalleryFilters["sort"], string> = {
  newest: "Newest",
  quality: "Best quality",
  relevance: "Relevance",
  random: "Random",
  top: "Top",
};

/**
 * One row (query, the most used selects, tile size); tags, colours and the rest behind "More filters".
 * Once it has scrolled away, the slim bar stands in for it and the header; both query boxes show one text.
 */
export function FilterBar({ filters, swatches }: Props) {
  const { text, pending, change, type, submit } = useFilterUrl(filters);
  const [open, setOpen] = useState(false);
  const bar = useRef<HTMLElement>(null);
  const fullInput = useRef<HTMLInputElement>(null);
  const slimInput = useRef<HTMLInputElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const slim = useScrolledPast(bar);

  // Typing goes on in whichever box is on screen: a new query can shorten the page and bring the full
  // bar back (or a scroll can take it away), and the focus must not stay in a box that is not shown.
  useEffect(() => {
    const [from, to] = slim ? [fullInput.current, slimInput.current] : [slimInput.current, fullInput.current];
    if (!from || !to || document.activeElement !== from) return;
    const { selectionStart, selectionEnd } = from;
    to.focus({ preventScroll: true });
    to.setSelectionRange(selectionStart, selectionEnd);
  }, [slim]);

  // A filter change starts the results from the top anyway, so the filters open where they live.
  function openFromSlim() {
    window.scrollTo({ top: 0 });
    setOpen(true);
    toggle.current?.focus({ preventScroll: true });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit();
  }

  const count = activeFilterCount(filters);
  const hidden = count - (filters.atleast ? 1 : 0) - filters.ratios.length - (filters.q.trim() ? 1 : 0);
  return (
    <>
      <section ref={bar} className="filter-bar" aria-label="Filters" data-pending={pending} data-open={open}>
        <form className="filter-row" onSubmit={onSubmit} aria-label="Search">
          <input
            ref={fullInput}
            className="input filter-query"
            type="search"
            aria-label="Query"
            placeholder="Search, e.g. nature -city"
            value={text}
            onChange={(event) => type(event.target.value)}
          />
          <button className="button" type="submit">
            Search
          </button>
          <div className="filter-quick">
            <label>
              <span className="sr-only">At least</span>
              <select
                className="input"
                value={filters.atleast ?? ""}
                onChange={(event) => change({ atleast: event.target.value || null })}
              >
                <option value="">Any size</option>
                {RESOLUTIONS.map((size) => (
                  <option key={size} value={size}>
                    ≥ {size.replace("x", "×")}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span className="sr-only">Ratio</span>
              <select
                className="input"
                value={filters.ratios[0] ?? ""}
                onChange={(event) => change({ ratios: event.target.value ? [event.target.value] : [] })}
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
              <span className="sr-only">Sort</span>
              <select
                className="input"
                value={filters.sort}
                onChange={(event) => {
                  const sort = event.target.value as GalleryFilters["sort"];
                  // A seed in the URL keeps a shared random view in the same order.
                  change({
                    sort,
                    seed: sort === "random" ? 1 + Math.floor(Math.random() * 1_000_000) : null,
                    range: null,
                  });
                }}
              >
                {SORTS.map((sort) => (
                  <option key={sort} value={sort}>
                    {sortNames[sort]}
                  </option>
                ))}
              </select>
            </label>
            {filters.sort === "top" ? (
              <TopRangeSelect range={filters.range} onChange={(range) => change({ range })} />
            ) : null}
            <TileSizeControl />
          </div>
          <button
            ref={toggle}
            type="button"
            className="button button-ghost filter-toggle"
            onClick={() => setOpen(!open)}
            aria-expanded={open}
            aria-controls="filter-more"
          >
            More filters{hidden > 0 ? ` (${hidden})` : ""}
          </button>
          {count > 0 ? (
            <button
              type="button"
              className="button button-ghost filter-clear"
              onClick={() => change(emptyFilters)}
            >
              Clear
            </button>
          ) : null}
        </form>
        <div className="filter-more" id="filter-more" hidden={!open}>
          <div className="filter-tags">
            <span className="filter-label">Tags</span>
            <TagListInput
              label="Tag"
              placeholder={filters.tags.length ? "Add a tag" : "Tags (use -tag to exclude)"}
              allowNegation
              tags={filters.tags}
              onChange={(tags) => change({ tags })}
            />
          </div>
          <ColorSwatches
            swatches={swatches}
            colors={filters.colors}
            onChange={(colors) => change({ colors })}
          />
          <div className="filter-selects">
            <label>
              <span>Orientation</span>
              <select
                className="input"
                value={filters.orientation ?? ""}
                onChange={(event) =>
                  change({ orientation: (event.target.value || null) as GalleryFilters["orientation"] })
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
                  change({ minQuality: event.target.value ? Number(event.target.value) : null })
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
                onChange={(event) => change({ type: (event.target.value || null) as GalleryFilters["type"] })}
              >
                <option value="">All</option>
                <option value="image">Images</option>
                <option value="video">Videos</option>
              </select>
            </label>
          </div>
          {/* A plain link: the browser (or a feed reader) opens the Atom document itself. */}
          <a className="muted" href={feedHref(filters)} type="application/atom+xml" data-testid="filter-feed">
            Feed of this search (Atom)
          </a>
        </div>
      </section>
      <SlimBar
        shown={slim}
        text={text}
        input={slimInput}
        activeFilters={count}
        onType={type}
        onSubmit={submit}
        onOpenFilters={openFromSlim}
      />
    </>
  );
}
