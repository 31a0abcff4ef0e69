"use client";

import { useState } from "react";
import { TagAutocomplete } from "./autocomplete.tsx";
import { TagNameHint } from "./name-hint.tsx";
import { type NameExpectation, previewTagName } from "./name-preview.ts";
import { useTagName } from "./use-tag-name.ts";

interface Props {
  label: string;
  placeholder?: string;
  tags: string[];
  onChange(tags: string[]): void;
  /** `-tag` entries (the gallery filter's exclusions). */
  allowNegation?: boolean;
  /**
   * Shows what the typed name is before it is added (the bulk bar): normalized, a tag, an alias or
   * new; a name the normalizer refuses is not added.
   */
  expects?: NameExpectation;
}

/** A list of tag names as removable chips, added through the shared tag combobox. */
export function TagListInput({ label, placeholder, tags, onChange, allowNegation = false, expects }: Props) {
  const [text, setText] = useState("");
  const status = useTagName(expects ? text : "");
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
        onTextChange={setText}
        refuses={({ name }) => expects !== undefined && previewTagName(name)?.ok === false}
        onPick={({ name, negated }) => {
          // The chip shows what will be saved (the combobox's own folding is only for matching).
          const preview = expects ? previewTagName(name) : null;
          const tag = `${negated ? "-" : ""}${preview?.ok ? preview.name : name}`;
          if (!tags.includes(tag)) onChange([...tags, tag]);
        }}
        onEmptyBackspace={() => {
          if (tags.length > 0) onChange(tags.slice(0, -1));
        }}
      />
      {expects ? <TagNameHint status={status} expects={expects} /> : null}
    </div>
  );
}
