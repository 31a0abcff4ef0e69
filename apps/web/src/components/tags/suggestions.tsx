"use client";

import type { TagSuggestion } from "@wallpaperdb/tags";
import type { ReactNode } from "react";
import { TagChip } from "./chip.tsx";
import "./suggestions.css";

/**
 * Suggested tags, each with the reasons it rests on ("on 4 of 6 similar wallpapers", "often together
 * with mountain (12 of 15)": the words come from the API, made once in @wallpaperdb/tags) so a curator
 * can weigh it; one click adds it. `numbered` shows the 1–9 keys the workbench listens for.
 */
export function TagSuggestions({
  suggestions,
  onAdd,
  hint,
  numbered = false,
  disabled = false,
  loading = false,
}: {
  suggestions: readonly TagSuggestion[];
  onAdd(name: string): void;
  hint?: ReactNode;
  numbered?: boolean;
  disabled?: boolean;
  loading?: boolean;
}) {
  return (
    <section className="tag-suggestions" aria-label="Suggestions" data-testid="tag-suggestions">
      <h3 className="tag-suggest-heading">
        Suggestions {hint ? <span className="muted">{hint}</span> : null}
      </h3>
      {suggestions.length === 0 ? (
        <p className="muted">{loading ? "Looking for suggestions…" : "No suggestions."}</p>
      ) : (
        <ol className="tag-suggest-list">
          {suggestions.map((suggestion, index) => (
            <li key={suggestion.tagId}>
              <button
                type="button"
                className="tag-suggest"
                data-testid="tag-suggestion"
                disabled={disabled}
                onClick={() => onAdd(suggestion.name)}
              >
                {numbered && index < 9 ? <kbd className="tag-suggest-key">{index + 1}</kbd> : null}
                <TagChip name={suggestion.name} category={suggestion.category} />
                <span className="tag-suggest-reasons" data-testid="tag-suggestion-reasons">
                  {suggestion.reasons.map((reason) => reason.text).join(" · ")}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
