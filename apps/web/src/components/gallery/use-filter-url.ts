"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { filtersToParams, type GalleryFilters } from "./filters.ts";

const TYPING_DELAY_MS = 400;

/**
 * The filters live in the URL. A discrete change (a select, a swatch, a tag chip) pushes a history entry,
 * so Back undoes it. Typing in the query box writes the URL after a pause: the first pause of a typing
 * spell pushes (Back returns to the view before it), later ones replace that entry, so Back never walks
 * through keystrokes; submitting ends the spell. The page re-renders from the URL, so the grid and the
 * controls follow Back and Forward.
 */
export function useFilterUrl(filters: GalleryFilters) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState(filters.q);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const typing = useRef(false);
  // The q this component last wrote itself; any other q came from the URL (Back, a link) and wins.
  const written = useRef(filters.q);

  useEffect(() => {
    if (filters.q === written.current.trim()) return;
    written.current = filters.q;
    typing.current = false;
    if (timer.current) clearTimeout(timer.current);
    setText(filters.q);
  }, [filters.q]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  function write(next: GalleryFilters, mode: "push" | "replace") {
    written.current = next.q;
    const params = filtersToParams(next).toString();
    const url = params ? `/?${params}` : "/";
    if (url === `${window.location.pathname}${window.location.search}`) return;
    startTransition(() => {
      if (mode === "push") router.push(url, { scroll: false });
      else router.replace(url, { scroll: false });
    });
  }

  /** A discrete change; text typed but not yet written goes with it. */
  function change(patch: Partial<GalleryFilters>) {
    if (timer.current) clearTimeout(timer.current);
    typing.current = false;
    if (patch.q !== undefined) setText(patch.q);
    write({ ...filters, q: text, ...patch }, "push");
  }

  function type(value: string) {
    setText(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      write({ ...filters, q: value }, typing.current ? "replace" : "push");
      typing.current = true;
    }, TYPING_DELAY_MS);
  }

  function submit() {
    if (timer.current) clearTimeout(timer.current);
    write({ ...filters, q: text }, typing.current ? "replace" : "push");
    typing.current = false;
  }

  return { text, pending, change, type, submit };
}
