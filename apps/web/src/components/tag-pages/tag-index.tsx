import { tagCategories, tagCategoryInfo } from "@wallpaperdb/tags/categories";
import Link from "next/link";
import type { CSSProperties } from "react";
import { type TagIndexParams, tagIndexHref } from "./index-params.ts";
import { TagLink } from "./tag-link.tsx";
import "./tag-pages.css";

interface IndexItem {
  id: number;
  name: string;
  category: string;
  wallpaperCount: number;
}

const SORT_LABELS = { count: "Most used", name: "Name", newest: "Newest" } as const;

/**
 * Every tag with its count: a category filter and a sort as links (each a history entry, so Back undoes
 * it), a name filter as a plain GET form, and numbered pages. Server-rendered; no script needed.
 */
export function TagIndex({
  params,
  items,
  total,
  pageSize,
}: {
  params: TagIndexParams;
  items: IndexItem[];
  total: number;
  pageSize: number;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="tag-index" data-testid="tag-index">
      <header className="tag-index-head">
        <h1>Tags</h1>
        <p className="muted">
          {total.toLocaleString("en")} tag{total === 1 ? "" : "s"}
          {params.category ? ` in ${tagCategoryInfo[params.category].label}` : ""}
          {params.q ? ` containing “${params.q}”` : ""}
        </p>
      </header>
      <div className="tag-index-controls">
        <nav aria-label="Category" className="tag-index-filter">
          <Link
            href={tagIndexHref(params, { category: null })}
            aria-current={params.category ? undefined : "page"}
          >
            All
          </Link>
          {tagCategories.map((category) => (
            <Link
              key={category}
              href={tagIndexHref(params, { category })}
              aria-current={params.category === category ? "page" : undefined}
              style={{ "--tag-color": tagCategoryInfo[category].color } as CSSProperties}
              data-category={category}
            >
              {tagCategoryInfo[category].label}
            </Link>
          ))}
        </nav>
        <nav aria-label="Sort" className="tag-index-filter">
          {(Object.keys(SORT_LABELS) as (keyof typeof SORT_LABELS)[]).map((sort) => (
            <Link
              key={sort}
              href={tagIndexHref(params, { sort })}
              aria-current={params.sort === sort ? "page" : undefined}
            >
              {SORT_LABELS[sort]}
            </Link>
          ))}
        </nav>
        <form action="/tags" method="get" className="tag-index-search">
          {params.category ? <input type="hidden" name="category" value={params.category} /> : null}
          {params.sort !== "count" ? <input type="hidden" name="sort" value={params.sort} /> : null}
          <input
            className="input"
            type="search"
            name="q"
            defaultValue={params.q}
            placeholder="Name contains…"
            aria-label="Tag name contains"
          />
          <button type="submit" className="button button-ghost">
            Filter
          </button>
        </form>
      </div>
      {items.length === 0 ? (
        <p className="muted" data-testid="tag-index-empty">
          No tags here.
        </p>
      ) : (
        <ul className="tag-index-list">
          {items.map((tag) => (
            <li key={tag.id}>
              <TagLink
                name={tag.name}
                category={tag.category}
                count={tag.wallpaperCount}
                testId="tag-index-item"
              />
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="tag-index-pages">
          {params.page > 1 ? (
            <Link
              href={tagIndexHref(params, { page: params.page - 1 })}
              rel="prev"
              className="button button-ghost"
            >
              ← Previous
            </Link>
          ) : null}
          <span className="muted">
            Page {params.page} of {pages}
          </span>
          {params.page < pages ? (
            <Link
              href={tagIndexHref(params, { page: params.page + 1 })}
              rel="next"
              className="button button-ghost"
            >
              Next →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
