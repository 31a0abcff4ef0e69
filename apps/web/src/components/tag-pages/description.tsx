import { type MarkupInline, parseTagMarkup } from "@wallpaperdb/tags/markup";
import Link from "next/link";
import { Fragment } from "react";
import { tagPageHref } from "./links.ts";

/**
 * A tag's description in the small markup of @wallpaperdb/tags/markup: React text nodes and links only,
 * never HTML, so whatever a curator typed shows as typed. `links` maps each linked name to the tag it
 * resolves to (an alias links straight to its tag) or null: a missing tag is a dashed link, as Danbooru
 * marks wiki links to pages that do not exist.
 */
export function TagDescription({ text, links }: { text: string; links: Record<string, string | null> }) {
  const paragraphs = parseTagMarkup(text);
  return (
    <div className="tag-description" data-testid="tag-description">
      {paragraphs.map((paragraph, index) => (
        <p key={index}>
          {paragraph.map((inline, at) => (
            <Fragment key={at}>{renderInline(inline, links)}</Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}

function renderInline(inline: MarkupInline, links: Record<string, string | null>) {
  switch (inline.kind) {
    case "text":
      return inline.text;
    case "break":
      return <br />;
    case "tag": {
      const target = links[inline.name];
      return target ? (
        <Link href={tagPageHref(target)} className="tag-description-link" data-testid="description-tag-link">
          {inline.label}
        </Link>
      ) : (
        <Link
          href={tagPageHref(inline.name)}
          className="tag-description-link tag-description-missing"
          title="No tag has this name yet"
        >
          {inline.label}
        </Link>
      );
    }
    case "wallpaper":
      return (
        <Link href={`/wallpapers/${inline.id}`} className="tag-description-link">
          {inline.label}
        </Link>
      );
  }
}
