"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { MAX_REQUEST_REASON_LENGTH } from "@wallpaperdb/tags/requests-rules";
import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { tagPageHref } from "~/components/tag-pages/links.ts";
import { TagAutocomplete } from "~/components/tags/autocomplete.tsx";
import { useTRPC } from "~/trpc/react.tsx";
import { kindHints } from "./labels.ts";
import "./tag-requests.css";

/** The three requests a tag's page can make about itself (aliasing this tag away would be a merge). */
type Shape = "implies" | "impliedBy" | "alias";

function linkOf(shape: Shape, tag: string, other: string) {
  if (shape === "implies") return { kind: "implication", antecedent: tag, consequent: other } as const;
  if (shape === "impliedBy") return { kind: "implication", antecedent: other, consequent: tag } as const;
  return { kind: "alias", antecedent: other, consequent: tag } as const;
}

function suggestionsOf(error: unknown): string[] {
  const details = (error as { data?: { details?: { suggestions?: unknown } | null } } | null)?.data?.details;
  return Array.isArray(details?.suggestions) ? details.suggestions.map(String) : [];
}

/** The form itself, for a signed-in member: which link, the other tag (autocompleted), a reason. */
function ProposeForm({ tag, onClose }: { tag: string; onClose(): void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const [shape, setShape] = useState<Shape>("implies");
  const [other, setOther] = useState("");
  const [reason, setReason] = useState("");
  const propose = useMutation(
    trpc.tagRequest.propose.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.tagRequest.pathKey() }),
    }),
  );
  const link = linkOf(shape, tag, other || "…");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (other.trim() === "" || reason.trim() === "") return;
    propose.mutate({ ...linkOf(shape, tag, other.trim()), reason: reason.trim() });
  };
  if (propose.data) {
    return (
      <div className="notice notice-ok" role="status" data-testid="tag-request-filed">
        Request #{propose.data.id} is filed: curators will approve or reject it.{" "}
        <Link href="/tags/requests?status=mine">See your requests</Link>.
      </div>
    );
  }
  const choices: { value: Shape; label: string }[] = [
    { value: "implies", label: `${tag} implies another tag` },
    { value: "impliedBy", label: `Another tag implies ${tag}` },
    { value: "alias", label: `Another name for ${tag} (alias)` },
  ];
  return (
    <form className="tag-request-form" onSubmit={submit} data-testid="tag-request-form">
      <fieldset>
        <legend>What should change?</legend>
        {choices.map((choice) => (
          <div key={choice.value} className="tag-request-choice">
            <input
              type="radio"
              id={`${ids}-${choice.value}`}
              name={`${ids}-shape`}
              checked={shape === choice.value}
              onChange={() => {
                setShape(choice.value);
                setOther("");
                propose.reset();
              }}
            />
            <label htmlFor={`${ids}-${choice.value}`}>{choice.label}</label>
          </div>
        ))}
      </fieldset>
      {shape === "alias" ? (
        <div className="tag-request-choice">
          <label htmlFor={`${ids}-alias`}>Other name</label>
          <input
            id={`${ids}-alias`}
            className="input"
            value={other}
            maxLength={200}
            placeholder="a name that is not a tag yet"
            onChange={(event) => setOther(event.target.value)}
          />
        </div>
      ) : other ? (
        <div className="tag-request-picked">
          <span>
            Other tag: <strong data-testid="tag-request-other">{other}</strong>
          </span>
          <button type="button" className="button button-ghost button-small" onClick={() => setOther("")}>
            Change
          </button>
        </div>
      ) : (
        <TagAutocomplete label="Other tag" placeholder="type a tag" onPick={(pick) => setOther(pick.name)} />
      )}
      <p className="muted" data-testid="tag-request-preview">
        {link.antecedent} → {link.consequent}: {kindHints[link.kind]}.
      </p>
      <label htmlFor={`${ids}-reason`}>Why?</label>
      <textarea
        id={`${ids}-reason`}
        className="input"
        required
        maxLength={MAX_REQUEST_REASON_LENGTH}
        value={reason}
        placeholder="What the curators should know (a source, examples, the wiki's definition)"
        onChange={(event) => setReason(event.target.value)}
      />
      <span className="muted">
        {reason.length}/{MAX_REQUEST_REASON_LENGTH}
      </span>
      {propose.error ? (
        <div className="notice notice-bad" role="alert" data-testid="tag-request-error">
          {describeError(propose.error)}
          {suggestionsOf(propose.error).map((name) => (
            <button
              key={name}
              type="button"
              className="button button-ghost button-small"
              onClick={() => {
                setOther(name);
                propose.reset();
              }}
            >
              {name}
            </button>
          ))}
        </div>
      ) : null}
      <div className="tag-request-actions">
        <button
          type="submit"
          className="button"
          disabled={propose.isPending || other.trim() === "" || reason.trim() === ""}
        >
          Send request
        </button>
        <button type="button" className="button button-ghost" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * The tag page's way into requests: visitors are asked to sign in, members open the form. Kept in
 * its own section so the tag page itself (components/tag-pages) stays the visitor's view.
 */
export function TagRequestPanel({ tag, signedIn }: { tag: string; signedIn: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <section
      className="card tag-request-panel"
      aria-labelledby="tag-request-title"
      data-testid="tag-request-panel"
    >
      <h2 id="tag-request-title">Propose an alias or implication</h2>
      <p className="muted">
        Curators decide on each request; every decision is public in the{" "}
        <Link href="/tags/requests">request history</Link>.
      </p>
      {!signedIn ? (
        <p>
          <Link href={`/sign-in?next=${encodeURIComponent(tagPageHref(tag))}`}>Sign in to propose</Link> a
          change.
        </p>
      ) : open ? (
        <ProposeForm tag={tag} onClose={() => setOpen(false)} />
      ) : (
        <button type="button" className="button button-ghost" onClick={() => setOpen(true)}>
          Propose an alias or implication
        </button>
      )}
    </section>
  );
}
