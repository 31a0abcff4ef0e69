"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, type RefObject, useState } from "react";
import { useTRPC } from "~/trpc/react.tsx";
import { TagChip } from "./tag-chip.tsx";

interface Props {
  inputRef: RefObject<HTMLInputElement | null>;
  onAdd(name: string): void;
  onRemove(name: string): void;
  onRemoveLast(): void;
  disabled?: boolean;
}

/**
 * Type to add: Enter adds the highlighted completion (or the text as typed), `-name` removes,
 * Backspace on an empty input removes the last human tag, arrows move through completions.
 */
export function TagInput({ inputRef, onAdd, onRemove, onRemoveLast, disabled }: Props) {
  const trpc = useTRPC();
  const [value, setValue] = useState("");
  const [active, setActive] = useState(0);
  const prefix = value.trim().replace(/^-/, "");
  const hits = useQuery({
    ...trpc.tag.autocomplete.queryOptions({ prefix, limit: 8 }),
    enabled: prefix.length > 0,
    placeholderData: keepPreviousData,
  });
  const items = prefix.length > 0 ? (hits.data ?? []) : [];

  const commit = (name: string) => {
    if (value.trim().startsWith("-")) onRemove(name);
    else onAdd(name);
    setValue("");
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      const picked = items[active];
      if (prefix.length > 0) commit(picked && active >= 0 ? picked.name : prefix);
    } else if (event.key === "Backspace" && value === "") {
      event.preventDefault();
      onRemoveLast();
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((index) => Math.min(index + 1, items.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, -1));
    } else if (event.key === "Escape") {
      setValue("");
      event.currentTarget.blur();
    } else if (event.key === "Tab" && items[active] && prefix.length > 0) {
      event.preventDefault();
      setValue(`${value.trim().startsWith("-") ? "-" : ""}${items[active]?.name ?? ""}`);
    }
  };

  return (
    <div className="tag-input">
      <input
        ref={inputRef}
        className="input"
        aria-label="Add tag"
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls="tag-input-options"
        aria-autocomplete="list"
        placeholder="type a tag, Enter to add · -tag removes · Esc then j/k to move"
        value={value}
        disabled={disabled}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setValue(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {items.length > 0 ? (
        <div className="tag-input-options" id="tag-input-options" role="listbox">
          {items.map((hit, index) => (
            <div
              key={`${hit.id}-${hit.matchedAlias ?? ""}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              className="tag-input-option"
              onMouseDown={(event) => {
                event.preventDefault();
                commit(hit.name);
              }}
            >
              {hit.matchedAlias ? <span className="muted">{hit.matchedAlias} → </span> : null}
              <TagChip name={hit.name} category={hit.category} count={hit.wallpaperCount} />
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
