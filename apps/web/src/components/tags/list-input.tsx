"use client";

import { TagAutocomplete } from "./autocomplete.tsx";

interface Props {
  label: string;
  placeholder?: string;
  tags: string[];
  onChange(tags: string[]): void;
  /** `-tag` entries (the gallery filter's exclusions). */
  allowNegation?: boolean;
}

/** A list of tag names as removable chips, added through the shared tag combobox. */
export function TagListInput({ label, placeholder, tags, onChange, allowNegation = false }: Props) {
  return (
    <div className="tag-list-input">
      {tags.map((tag) => (
        <button
          key={tag}
          type="button"
          className={`tag-list-chip ${tag.startsWith("-") ? "tag-list-chip-negated" : ""}`}
          onClick={() => onChange(tags.filter((t) => t !== tag))}
          aria-label={`Remove tag ${tag}`}
        >
          {tag} <span aria-hidden="true">×</span>
        </button>
      ))}
      <TagAutocomplete
        label={label}
        placeholder={placeholder}
        allowNegation={allowNegation}
        onPick={({ name, negated }) => {
          const tag = `${negated ? "-" : ""}${name}`;
          if (!tags.includes(tag)) onChange([...tags, tag]);
        }}
        onEmptyBackspace={() => {
          if (tags.length > 0) onChange(tags.slice(0, -1));
        }}
      />
    </div>
  );
}
