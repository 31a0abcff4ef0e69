import Link from "next/link";
import { TagChip } from "~/components/tags/chip.tsx";
import { tagPageHref } from "./links.ts";
import "./tag-pages.css";

/** A tag chip (category colour, optional count) that opens the tag's page. */
export function TagLink({
  name,
  category,
  count,
  label,
  testId,
}: {
  name: string;
  category: string;
  count?: number;
  /** A visible label other than the name (e.g. "alias → name" is built by the caller). */
  label?: string;
  testId?: string;
}) {
  return (
    <Link href={tagPageHref(name)} className="tag-link" data-testid={testId} data-tag={name}>
      <TagChip name={label ?? name} category={category} count={count} />
    </Link>
  );
}
