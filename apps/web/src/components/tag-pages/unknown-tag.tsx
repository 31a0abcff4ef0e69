import Link from "next/link";
import { tagPageHref } from "./links.ts";
import "./tag-pages.css";

/** A tag page for a name that is neither a tag nor an alias: the close names, as Danbooru's missing wiki page. */
export function UnknownTag({ name, suggestions }: { name: string; suggestions: string[] }) {
  return (
    <div className="tag-page tag-page-unknown" data-testid="tag-unknown">
      <nav aria-label="Breadcrumb" className="tag-breadcrumb muted">
        <Link href="/tags">Tags</Link>
      </nav>
      <h1 className="tag-page-title">No tag called “{name}”</h1>
      {suggestions.length > 0 ? (
        <p data-testid="tag-unknown-suggestions">
          Did you mean{" "}
          {suggestions.map((suggestion, index) => (
            <span key={suggestion}>
              {index > 0 ? (index === suggestions.length - 1 ? " or " : ", ") : ""}
              <Link href={tagPageHref(suggestion)}>{suggestion}</Link>
            </span>
          ))}
          ?
        </p>
      ) : (
        <p className="muted">No tag has a similar name either.</p>
      )}
      <p>
        <Link href="/tags" className="button button-ghost">
          All tags
        </Link>
      </p>
    </div>
  );
}
