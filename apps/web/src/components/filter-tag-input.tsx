"use client";

import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useId, useState } from "react";
import { useTRPC } from "~/trpc/react.tsx";

interface Props {
  tags: string[];
  onChange: (tags: string[]) => void;
}

/** Tag chips plus a combobox over `tag.autocomplete`; a leading `-` excludes the tag. */
export function FilterTagInput({ tags, onChange }: Props) {
  const trpc = useTRPC();
  const listId = useId();
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const negated = text.startsWith("-");
  const prefix = (negated ? text.slice(1) : text).trim();
  const suggestions = useQuery(
    trpc.tag.autocomplete.queryOptions(prefix.length > 0 ? { prefix, limit: 8 } : skipToken, {
      placeholderData: keepPreviousData,
      staleTime: 60_000,
    }),
  );
  const hits = prefix.length > 0 ? (suggestions.data ?? []) : [];

  function add(name: string) {
    const tag = `${negated ? "-" : ""}${name.trim().toLowerCase().replace(/\s+/g, "_")}`;
    if (tag.replace(/^-/, "") !== "" && !tags.includes(tag)) onChange([...tags, tag]);
    setText("");
    setActive(0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && hits.length) {
      event.preventDefault();
      setActive((active + 1) % hits.length);
    } else if (event.key === "ArrowUp" && hits.length) {
      event.preventDefault();
      setActive((active - 1 + hits.length) % hits.length);
    } else if (event.key === "Enter" && prefix) {
      event.preventDefault();
      add(hits[active]?.name ?? prefix);
    } else if (event.key === "Backspace" && text === "" && tags.length) {
      onChange(tags.slice(0, -1));
    }
  }

  return (
    <div className="filter-tags">
      {tags.map((tag) => (
        <button
          key={tag}
          type="button"
          className={`chip ${tag.startsWith("-") ? "chip-negated" : ""}`}
          onClick={() => onChange(tags.filter((t) => t !== tag))}
          aria-label={`Remove tag ${tag}`}
        >
          {tag} <span aria-hidden="true">×</span>
        </button>
      ))}
      <div className="combobox">
        <input
          className="input filter-tag-field"
          placeholder={tags.length ? "Add a tag" : "Tags (use -tag to exclude)"}
          aria-label="Tag"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        {hits.length > 0 ? (
          <div className="combobox-list" id={listId} role="listbox" data-testid="tag-suggestions">
            {hits.map((hit, index) => (
              <div
                key={hit.id}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                className={index === active ? "active" : undefined}
                onMouseDown={(event) => {
                  event.preventDefault();
                  add(hit.name);
                }}
              >
                <span>
                  {hit.matchedAlias ? <span className="muted">{hit.matchedAlias} → </span> : null}
                  {hit.name}
                </span>
                <span className="muted">{hit.wallpaperCount}</span>
              </div>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}
