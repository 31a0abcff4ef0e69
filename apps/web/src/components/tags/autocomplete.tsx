"use client";

import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, type RefObject, useId, useState } from "react";
import { useTRPC } from "~/trpc/react.tsx";
import { TagChip } from "./chip.tsx";
import "./tags.css";

export interface TagPick {
  /** The completion's canonical name, or the text as typed when nothing was highlighted. */
  name: string;
  /** Typed with a leading `-` (remove / exclude), when `allowNegation` is on. */
  negated: boolean;
}

interface Props {
  label: string;
  placeholder?: string;
  allowNegation?: boolean;
  /** Called with each pick; a `single` field also shows it as its text. */
  onPick?(pick: TagPick): void;
  /** True refuses a pick: it is not made and the text stays (the caller's hint says why). */
  refuses?(pick: TagPick): boolean;
  /** Backspace in the empty field: callers remove their last chip or tag. */
  onEmptyBackspace?(): void;
  /** Escape while the list is already closed: callers hand the keyboard back to the page. */
  onEscape?(): void;
  inputRef?: RefObject<HTMLInputElement | null>;
  disabled?: boolean;
  limit?: number;
  /** A comma picks as Enter does (tag lists typed as `a, b`); `,` is never part of a tag name. */
  commaPicks?: boolean;
  /** The text as typed, for callers that preview it (the wallpaper page shows its normalized form). */
  onTextChange?(text: string): void;
  /** The text, when the caller owns it (a `single` field clears it after saving). */
  value?: string;
  /**
   * A one-name field in a form: a pick fills the field instead of clearing it, and Enter with nothing
   * else to pick submits the form, so the name is seen (and previewed) before it is saved.
   */
  single?: boolean;
  /** Off for fields that want a new name: only an exact match or an arrowed-to option is highlighted. */
  highlightFirst?: boolean;
}

// What the server's normalizePrefix does, closely enough to drop completions of an older prefix.
const normalize = (text: string) => text.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, "_");

/**
 * The one tag combobox (ARIA 1.2 combobox + listbox over `tag.autocomplete`): prefix and alias matches
 * with counts ("alias → tag"), ↓/↑ to move (↑ past the first means "as typed"), Enter or a click to
 * pick, Tab to complete the text, Escape to close the list (then `onEscape`). An exact match is
 * highlighted first, so typing a whole name and Enter never picks a more popular longer tag. A
 * `single` field (the admin's one-name forms) keeps the pick as its text and lets a second Enter submit.
 */
export function TagAutocomplete(props: Props) {
  const { label, allowNegation = false, limit = 8, single = false, highlightFirst = true } = props;
  const trpc = useTRPC();
  const listId = useId();
  const [ownText, setOwnText] = useState("");
  const text = props.value ?? ownText;
  const setText = (next: string) => {
    setOwnText(next);
    props.onTextChange?.(next);
  };
  const [open, setOpen] = useState(false);
  const [moved, setMoved] = useState<number | null>(null);
  const negated = allowNegation && text.trimStart().startsWith("-");
  const prefix = normalize(negated ? text.trimStart().slice(1) : text);
  const query = useQuery(
    trpc.tag.autocomplete.queryOptions(prefix.length > 0 ? { prefix, limit } : skipToken, {
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
  );
  // keepPreviousData avoids flicker, but a completion of an older prefix must never be picked.
  const hits = (prefix.length > 0 ? (query.data ?? []) : []).filter(
    (hit) => hit.name.startsWith(prefix) || (hit.matchedAlias?.startsWith(prefix) ?? false),
  );
  // Empty state: when nothing starts with the text, the closest names ("did you mean", trigram
  // similarity); none is highlighted, so Enter still takes the text as typed (it may be a new tag).
  const settled = prefix.length > 0 && query.isSuccess && !query.isPlaceholderData;
  const wantsSuggestions = settled && hits.length === 0 && prefix.replace(/^_+|_+$/gu, "").length >= 3;
  const fuzzy = useQuery(
    trpc.tagPage.didYouMean.queryOptions(wantsSuggestions ? { names: [prefix], limit: 5 } : skipToken, {
      staleTime: 30_000,
    }),
  );
  const answer = fuzzy.data?.[0];
  const suggestions = wantsSuggestions && answer?.name === prefix ? answer.suggestions : [];
  const suggesting = hits.length === 0 && suggestions.length > 0;
  const options = suggesting ? suggestions : hits;
  const exact = hits.findIndex((hit) => hit.name === prefix || hit.matchedAlias === prefix);
  const active = moved ?? (suggesting ? -1 : highlightFirst ? Math.max(exact, 0) : exact);
  const shown = open && options.length > 0;
  const optionId = (index: number) => `${listId}-option-${index}`;

  const reset = () => {
    setText("");
    setMoved(null);
    setOpen(false);
  };
  const pick = (name: string) => {
    if (props.refuses?.({ name, negated })) {
      setOpen(false);
      return;
    }
    props.onPick?.({ name, negated });
    if (!single) {
      reset();
      return;
    }
    setText(`${negated ? "-" : ""}${name}`);
    setMoved(null);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setMoved(Math.min(active + 1, options.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setMoved(Math.max(active - 1, -1));
    } else if (event.key === "Enter" || (props.commaPicks && event.key === ",")) {
      if (prefix.length === 0) return;
      const highlighted = shown && active >= 0 ? options[active] : undefined;
      // A single field already holding the name lets Enter through: the form saves it.
      if (single && (highlighted === undefined || highlighted.name === prefix)) {
        setOpen(false);
        return;
      }
      event.preventDefault();
      pick(highlighted?.name ?? prefix);
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (shown) setOpen(false);
      else {
        reset();
        props.onEscape?.();
      }
    } else if (event.key === "Tab" && shown && options[active]) {
      event.preventDefault();
      setText(`${negated ? "-" : ""}${options[active]?.name ?? ""}`);
      setMoved(null);
    } else if (event.key === "Backspace" && text === "" && props.onEmptyBackspace) {
      event.preventDefault();
      props.onEmptyBackspace();
    }
  };

  return (
    <div className="tag-autocomplete">
      <input
        ref={props.inputRef}
        className="input"
        aria-label={label}
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
        placeholder={props.placeholder}
        value={text}
        disabled={props.disabled}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setText(event.target.value);
          setMoved(null);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div
        className="tag-autocomplete-list"
        id={listId}
        role="listbox"
        hidden={!shown}
        aria-label={suggesting ? "Did you mean" : undefined}
        data-testid={suggesting ? "autocomplete-did-you-mean" : undefined}
      >
        {shown && suggesting ? (
          <div className="tag-autocomplete-hint muted" aria-hidden="true">
            No tag starts with “{prefix}”. Did you mean:
          </div>
        ) : null}
        {shown
          ? options.map((hit, index) => (
              <div
                key={`${hit.id}-${hit.matchedAlias ?? ""}`}
                id={optionId(index)}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                className="tag-autocomplete-option"
                // mousedown, not click: the input must keep focus (its blur would close the list first).
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(hit.name);
                }}
              >
                <span>
                  {hit.matchedAlias ? <span className="muted">{hit.matchedAlias} → </span> : null}
                  <TagChip name={hit.name} category={hit.category} />
                </span>
                <span className="tag-chip-count" title="wallpapers with this tag">
                  {hit.wallpaperCount}
                </span>
              </div>
            ))
          : null}
      </div>
    </div>
  );
}
