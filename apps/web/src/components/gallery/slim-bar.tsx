"use client";

import Link from "next/link";
import { type FormEvent, type RefObject, useEffect, useState } from "react";

/** True once `target` (the full filter bar) has scrolled out above the top of the viewport. */
export function useScrolledPast(target: RefObject<HTMLElement | null>): boolean {
  const [past, setPast] = useState(false);
  useEffect(() => {
    const element = target.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => {
      const entry = entries.at(-1);
      if (entry) setPast(!entry.isIntersecting && entry.boundingClientRect.bottom <= 0);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [target]);
  return past;
}

interface Props {
  shown: boolean;
  text: string;
  input: RefObject<HTMLInputElement | null>;
  activeFilters: number;
  onType(value: string): void;
  onSubmit(): void;
  onOpenFilters(): void;
}

/**
 * What the header and the filter bar become once they have scrolled away: a home mark, the query box
 * and a way to the filters, in one slim bar fixed to the top. Fixed, it takes no room in the page, so
 * showing or hiding it moves nothing (it slides with a transform, which is no layout shift either).
 */
export function SlimBar({ shown, text, input, activeFilters, onType, onSubmit, onOpenFilters }: Props) {
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <div className="slim-bar" data-testid="slim-bar" data-shown={shown} inert={!shown}>
      <Link href="/" className="slim-bar-home" aria-label="WallpaperDB home">
        <span className="brand-mark" aria-hidden="true" />
      </Link>
      <form className="slim-bar-search" aria-label="Quick search" onSubmit={submit}>
        <input
          ref={input}
          className="input"
          type="search"
          aria-label="Search wallpapers"
          placeholder="Search"
          value={text}
          onChange={(event) => onType(event.target.value)}
        />
      </form>
      <button type="button" className="button button-ghost button-small" onClick={onOpenFilters}>
        Filters{activeFilters > 0 ? ` (${activeFilters})` : ""}
      </button>
    </div>
  );
}
