"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";

interface LinkedTag {
  id: number;
  name: string;
}

interface Props {
  tag: { id: number; name: string; aliases: string[]; implies: LinkedTag[]; impliedBy: LinkedTag[] };
  onChanged(): Promise<void>;
}

/** Aliases and implications of one tag. Rule violations come back with the path that breaks them. */
export function TagLinks({ tag, onChanged }: Props) {
  const trpc = useTRPC();
  const [alias, setAlias] = useState("");
  const [implies, setImplies] = useState("");
  const [impliedBy, setImpliedBy] = useState("");
  const options = { onSuccess: onChanged };
  const addAlias = useMutation(trpc.tag.alias.add.mutationOptions(options));
  const removeAlias = useMutation(trpc.tag.alias.remove.mutationOptions(options));
  const addImplication = useMutation(trpc.tag.implication.add.mutationOptions(options));
  const removeImplication = useMutation(trpc.tag.implication.remove.mutationOptions(options));
  const error = addAlias.error ?? removeAlias.error ?? addImplication.error ?? removeImplication.error;

  const reset = () => {
    addAlias.reset();
    removeAlias.reset();
    addImplication.reset();
    removeImplication.reset();
  };
  const submit = (run: () => void) => (event: FormEvent) => {
    event.preventDefault();
    reset();
    run();
  };

  return (
    <div className="tag-links">
      {error ? (
        <p className="notice notice-bad" role="alert" data-testid="tag-rule-error">
          {describeError(error)}
        </p>
      ) : null}
      <h3>Aliases</h3>
      <ul className="tag-link-list">
        {tag.aliases.map((name) => (
          <li key={name}>
            <span>{name}</span> → <strong>{tag.name}</strong>
            <button
              type="button"
              className="button button-ghost button-small"
              aria-label={`Remove alias ${name}`}
              onClick={() => removeAlias.mutate({ alias: name })}
            >
              ×
            </button>
          </li>
        ))}
        {tag.aliases.length === 0 ? <li className="muted">No aliases.</li> : null}
      </ul>
      <form
        className="admin-toolbar"
        onSubmit={submit(() => addAlias.mutate({ alias, tag: tag.name }, { onSuccess: () => setAlias("") }))}
      >
        <input
          className="input"
          aria-label="New alias"
          placeholder="alias_name"
          value={alias}
          onChange={(event) => setAlias(event.target.value)}
        />
        <button className="button button-ghost" type="submit">
          Add alias
        </button>
      </form>

      <h3>Implies</h3>
      <ImplicationList
        items={tag.implies.map((other) => ({
          key: other.name,
          label: `${tag.name} → ${other.name}`,
          a: tag.name,
          c: other.name,
        }))}
        onRemove={(a, c) => removeImplication.mutate({ antecedent: a, consequent: c })}
      />
      <form
        className="admin-toolbar"
        onSubmit={submit(() =>
          addImplication.mutate(
            { antecedent: tag.name, consequent: implies },
            { onSuccess: () => setImplies("") },
          ),
        )}
      >
        <input
          className="input"
          aria-label="Implies tag"
          placeholder="tagging this also adds…"
          value={implies}
          onChange={(event) => setImplies(event.target.value)}
        />
        <button className="button button-ghost" type="submit">
          Add implication
        </button>
      </form>

      <h3>Implied by</h3>
      <ImplicationList
        items={tag.impliedBy.map((other) => ({
          key: other.name,
          label: `${other.name} → ${tag.name}`,
          a: other.name,
          c: tag.name,
        }))}
        onRemove={(a, c) => removeImplication.mutate({ antecedent: a, consequent: c })}
      />
      <form
        className="admin-toolbar"
        onSubmit={submit(() =>
          addImplication.mutate(
            { antecedent: impliedBy, consequent: tag.name },
            { onSuccess: () => setImpliedBy("") },
          ),
        )}
      >
        <input
          className="input"
          aria-label="Implied by tag"
          placeholder="tags that add this one…"
          value={impliedBy}
          onChange={(event) => setImpliedBy(event.target.value)}
        />
        <button className="button button-ghost" type="submit">
          Add reverse implication
        </button>
      </form>
    </div>
  );
}

function ImplicationList({
  items,
  onRemove,
}: {
  items: { key: string; label: string; a: string; c: string }[];
  onRemove(antecedent: string, consequent: string): void;
}) {
  if (items.length === 0) return <p className="muted">None.</p>;
  return (
    <ul className="tag-link-list">
      {items.map((item) => (
        <li key={item.key}>
          <span>{item.label}</span>
          <button
            type="button"
            className="button button-ghost button-small"
            aria-label={`Remove implication ${item.label}`}
            onClick={() => onRemove(item.a, item.c)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
