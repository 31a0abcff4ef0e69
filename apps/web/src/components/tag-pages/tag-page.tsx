import type { WallpaperCard } from "@wallpaperdb/search";
import type { TagPage, TagRef } from "@wallpaperdb/tags";
import { tagCategoryInfo } from "@wallpaperdb/tags/categories";
import Link from "next/link";
import type { CSSProperties } from "react";
import { TagDescription } from "./description.tsx";
import { tagEditHref, tagSearchHref } from "./links.ts";
import { TagStrip } from "./strip.tsx";
import { TagLink } from "./tag-link.tsx";
import "./tag-pages.css";

export type TagPageView = TagPage & { newest: WallpaperCard[]; top: WallpaperCard[] };

const count = (n: number) => n.toLocaleString("en");

/**
 * A tag's public page, after Danbooru's wiki pages and wallhaven's tag pages: name in its category's
 * colour, count and a way into the gallery; the description; the newest and top wallpapers; and beside
 * them related tags (with how many wallpapers they share), aliases and implications both ways.
 */
export function TagPageContent({ tag, mayCurate }: { tag: TagPageView; mayCurate: boolean }) {
  const info = tagCategoryInfo[tag.category];
  const style = { "--tag-color": info.color } as CSSProperties;
  return (
    <div className="tag-page" style={style}>
      <header className="tag-page-head" data-testid="tag-page-head">
        <nav aria-label="Breadcrumb" className="tag-breadcrumb muted">
          <Link href="/tags">Tags</Link> / <Link href={`/tags?category=${tag.category}`}>{info.label}</Link>
        </nav>
        <h1 className="tag-page-title" data-testid="tag-page-title">
          {tag.name.replace(/_/gu, " ")}
        </h1>
        <p className="tag-page-meta muted">
          <span className="tag-category-label">{info.label}</span> ·{" "}
          <span data-testid="tag-page-count">
            {count(tag.wallpaperCount)} wallpaper{tag.wallpaperCount === 1 ? "" : "s"}
          </span>
          {tag.aliases.length > 0 ? <> · also {tag.aliases.join(", ")}</> : null}
        </p>
        <div className="tag-page-actions">
          <Link className="button" href={tagSearchHref(tag.name)} data-testid="tag-browse">
            Browse all
          </Link>
          {mayCurate ? (
            <Link className="button button-ghost" href={tagEditHref(tag.name)} data-testid="tag-edit">
              Edit tag
            </Link>
          ) : null}
        </div>
      </header>

      <div className="tag-page-body">
        <div className="tag-page-main">
          <section className="card tag-page-about" aria-labelledby="about-title">
            <h2 id="about-title" className="sr-only">
              About
            </h2>
            {tag.description?.trim() ? (
              <TagDescription text={tag.description} links={tag.descriptionLinks} />
            ) : (
              <p className="muted" data-testid="tag-description-empty">
                No description yet. {info.description}
              </p>
            )}
          </section>
          <TagStrip
            title="Newest"
            cards={tag.newest}
            moreHref={tagSearchHref(tag.name)}
            empty="No wallpaper you can see has this tag yet."
            testId="tag-newest"
          />
          <TagStrip
            title="Top this year"
            cards={tag.top}
            moreHref={tagSearchHref(tag.name, "top")}
            empty="None has been favourited or viewed enough this year to make the top list."
            testId="tag-top"
          />
        </div>

        <aside className="tag-page-side">
          <RelatedTags related={tag.related} />
          <TagRefs
            title="Implies"
            hint="Tagging it adds these too."
            refs={tag.implies}
            testId="tag-implies"
          />
          <TagRefs title="Implied by" hint="These add it." refs={tag.impliedBy} testId="tag-implied-by" />
          {tag.aliases.length > 0 ? (
            <section className="card" aria-labelledby="aliases-title" data-testid="tag-aliases">
              <h2 id="aliases-title">Aliases</h2>
              <p className="muted tag-side-note">Searching or tagging with these means {tag.name}.</p>
              <ul className="tag-ref-list">
                {tag.aliases.map((alias) => (
                  <li key={alias}>
                    <code>{alias}</code>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

/**
 * Tags seen with this one, most related first, with how many wallpapers carry both. File facts (the
 * meta category: ratio, resolution, colours, mostly auto tags) say little about a subject, so they sit
 * apart in one compact list below.
 */
function RelatedTags({ related }: { related: TagPageView["related"] }) {
  const subjects = related.items.filter((item) => item.category !== "meta");
  const facts = related.items.filter((item) => item.category === "meta");
  const shared = (n: number) => `${related.estimated ? "~" : ""}${count(n)}`;
  const title = (n: number) => `${related.estimated ? "About " : ""}${count(n)} wallpapers have both tags`;
  return (
    <section className="card" aria-labelledby="related-title" data-testid="tag-related">
      <h2 id="related-title">Related tags</h2>
      {related.items.length === 0 ? <p className="muted">No other tag appears with it yet.</p> : null}
      {subjects.length > 0 ? (
        <ol className="tag-related-list">
          {subjects.map((item) => (
            <li key={item.id}>
              <TagLink name={item.name} category={item.category} testId="related-tag" />
              <span className="muted tag-related-shared" title={title(item.shared)}>
                {shared(item.shared)}
              </span>
            </li>
          ))}
        </ol>
      ) : null}
      {facts.length > 0 ? (
        <>
          <h3 className="tag-related-facts-title">Often also</h3>
          <ul className="tag-ref-list" data-testid="tag-related-facts">
            {facts.map((item) => (
              <li key={item.id} title={title(item.shared)}>
                <TagLink
                  name={item.name}
                  category={item.category}
                  count={item.shared}
                  testId="related-fact"
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {related.estimated ? (
        <p className="muted tag-side-note">From a sample of {count(related.sampled)} of its wallpapers.</p>
      ) : null}
    </section>
  );
}

function TagRefs({
  title,
  hint,
  refs,
  testId,
}: {
  title: string;
  hint: string;
  refs: TagRef[];
  testId: string;
}) {
  if (refs.length === 0) return null;
  return (
    <section className="card" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      <p className="muted tag-side-note">{hint}</p>
      <ul className="tag-ref-list">
        {refs.map((ref) => (
          <li key={ref.id}>
            <TagLink name={ref.name} category={ref.category} count={ref.wallpaperCount} />
          </li>
        ))}
      </ul>
    </section>
  );
}
