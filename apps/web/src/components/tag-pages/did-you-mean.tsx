"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTRPC } from "~/trpc/react.tsx";
import { replaceTagInParams } from "./links.ts";
import "./tag-pages.css";

/**
 * The gallery's answer to tags that are neither a tag nor an alias: each unknown name with its closest
 * names (`tagPage.didYouMean`); a suggestion is a link to the same search with that one name replaced,
 * so one click fixes the query and Back undoes it.
 */
export function UnknownTagsHint({ names }: { names: string[] }) {
  const trpc = useTRPC();
  const pathname = usePathname();
  const params = useSearchParams();
  const answers = useQuery(
    trpc.tagPage.didYouMean.queryOptions(names.length > 0 ? { names: names.slice(0, 10) } : skipToken, {
      staleTime: 60_000,
    }),
  );
  const suggestionsOf = new Map((answers.data ?? []).map((answer) => [answer.name, answer.suggestions]));
  return (
    <ul className="did-you-mean" data-testid="unknown-tags">
      {names.map((name) => {
        const suggestions = suggestionsOf.get(name) ?? [];
        return (
          <li key={name}>
            No tag is called <strong>{name}</strong>.
            {suggestions.length > 0 ? (
              <>
                {" "}
                Did you mean{" "}
                {suggestions.map((hit, index) => (
                  <span key={hit.id}>
                    {index > 0 ? (index === suggestions.length - 1 ? " or " : ", ") : ""}
                    <Link
                      href={`${pathname}?${replaceTagInParams(new URLSearchParams(params.toString()), name, hit.name).toString()}`}
                      className="did-you-mean-link"
                      data-testid="did-you-mean"
                      scroll={false}
                    >
                      {hit.name}
                    </Link>
                    <span className="muted"> ({hit.wallpaperCount.toLocaleString("en")})</span>
                  </span>
                ))}
                ?
              </>
            ) : answers.isPending ? null : (
              <span className="muted"> No tag has a similar name.</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
