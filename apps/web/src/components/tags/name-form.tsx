"use client";

import { type FormEvent, type ReactNode, useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { TagAutocomplete } from "./autocomplete.tsx";
import { TagNameHint } from "./name-hint.tsx";
import { type NameExpectation, type NameStatus, nameProblem } from "./name-preview.ts";
import { useTagName } from "./use-tag-name.ts";

interface Props {
  label: string;
  placeholder?: string;
  submitLabel: string;
  expects: NameExpectation;
  /** The tag being edited (rename, links, merge). */
  self?: string;
  pending?: boolean;
  /** This form's own error, already dropped by the caller once stale (useFreshError). */
  error: unknown;
  /** Editing the text: the caller clears this form's error. */
  onEdit(): void;
  /** A valid name as it will be saved; `done` clears the field (call it on success). */
  onSave(name: string, status: NameStatus, done: () => void): void;
  /** Controls on a row under the field (the new tag's category), so an open list covers them, not the button. */
  children?: ReactNode;
  errorTestId?: string;
  buttonClassName?: string;
}

/**
 * Every admin form that takes one tag name: the shared combobox (a pick fills the field, Enter saves),
 * the normalized name and its status before saving, and the form's own error under it. A name the
 * hint already refuses is not sent (the server would refuse it for the same reason).
 */
export function TagNameForm(props: Props) {
  const [text, setText] = useState("");
  const status = useTagName(text);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // The hint already says why (the normalizer's rule, a taken name, an unknown tag, the tag itself).
    if (status === null || status.kind === "invalid") return;
    if (nameProblem(status, props.expects, props.self) !== null) return;
    props.onSave(status.name, status, () => setText(""));
  };
  return (
    <form className="tag-name-form" onSubmit={onSubmit}>
      <div className="admin-toolbar">
        <TagAutocomplete
          single
          label={props.label}
          placeholder={props.placeholder}
          highlightFirst={props.expects !== "new"}
          value={text}
          onTextChange={(next) => {
            setText(next);
            props.onEdit();
          }}
        />
        <button
          className={props.buttonClassName ?? "button button-ghost"}
          type="submit"
          disabled={props.pending}
        >
          {props.submitLabel}
        </button>
      </div>
      {props.children ? <div className="admin-toolbar">{props.children}</div> : null}
      <TagNameHint status={status} expects={props.expects} self={props.self} />
      {props.error ? (
        <p className="notice notice-bad" role="alert" data-testid={props.errorTestId}>
          {describeError(props.error)}
        </p>
      ) : null}
    </form>
  );
}
