"use client";

import type { RefObject } from "react";
import { TagAutocomplete } from "./autocomplete.tsx";

interface Props {
  inputRef: RefObject<HTMLInputElement | null>;
  onAdd(name: string): void;
  onRemove(name: string): void;
  onRemoveLast(): void;
  disabled?: boolean;
}

/**
 * The tagging view's input: Enter adds the highlighted completion (or the text as typed), `-name`
 * removes, Backspace on an empty input removes the last human tag, Escape hands j/k back to the page.
 */
export function TagInput({ inputRef, onAdd, onRemove, onRemoveLast, disabled }: Props) {
  return (
    <TagAutocomplete
      label="Add tag"
      placeholder="type a tag, Enter to add · -tag removes · Esc then j/k to move"
      allowNegation
      inputRef={inputRef}
      disabled={disabled}
      onPick={({ name, negated }) => (negated ? onRemove(name) : onAdd(name))}
      onEmptyBackspace={onRemoveLast}
      onEscape={() => inputRef.current?.blur()}
    />
  );
}
