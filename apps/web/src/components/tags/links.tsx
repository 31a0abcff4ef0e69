"use client";

import { useMutation } from "@tanstack/react-query";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";
import { useFreshError } from "./fresh-error.tsx";
import { TagNameForm } from "./name-form.tsx";

interface LinkedTag {
  id: number;
  name: string;
}

interface Props {
  tag: { id: number; name: string; aliases: string[]; implies: LinkedTag[]; impliedBy: LinkedTag[] };
  onChanged(): Promise<void>;
}

/**
 * Aliases and implications of one tag. Each form has its own error (rule violations come back with the
 * path that breaks them); editing the form or any later success clears it.
 */
export function TagLinks({ tag, onChanged }: Props) {
  const trpc = useTRPC();
  const options = { onSuccess: onChanged };
  const addAlias = useMutation(trpc.tag.alias.add.mutationOptions(options));
  const removeAlias = useMutation(trpc.tag.alias.remove.mutationOptions(options));
  const addImplies = useMutation(trpc.tag.implication.add.mutationOptions(options));
  const addImpliedBy = useMutation(trpc.tag.implication.add.mutationOptions(options));
  const removeImplication = useMutation(trpc.tag.implication.remove.mutationOptions(options));
  const removeAliasError = useFreshError(removeAlias);
  const removeImplicationError = useFreshError(removeImplication);
  const errors = {
    alias: useFreshError(addAlias),
    implies: useFreshError(addImplies),
    impliedBy: useFreshError(addImpliedBy),
    remove: removeAliasError ?? removeImplicationError,
  };

  return (
    <div className="tag-links">
      {errors.remove ? (
        <p className="notice notice-bad" role="alert" data-testid="tag-rule-error">
          {describeError(errors.remove)}
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
      <TagNameForm
        label="New alias"
        placeholder="alias_name"
        submitLabel="Add alias"
        expects="new"
        self={tag.name}
        pending={addAlias.isPending}
        error={errors.alias}
        errorTestId="tag-rule-error"
        onEdit={addAlias.reset}
        onSave={(alias, _status, done) => addAlias.mutate({ alias, tag: tag.name }, { onSuccess: done })}
      />

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
      <TagNameForm
        label="Implies tag"
        placeholder="tagging this also adds…"
        submitLabel="Add implication"
        expects="existing"
        self={tag.name}
        pending={addImplies.isPending}
        error={errors.implies}
        errorTestId="tag-rule-error"
        onEdit={addImplies.reset}
        onSave={(other, _status, done) =>
          addImplies.mutate({ antecedent: tag.name, consequent: other }, { onSuccess: done })
        }
      />

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
      <TagNameForm
        label="Implied by tag"
        placeholder="tags that add this one…"
        submitLabel="Add reverse implication"
        expects="existing"
        self={tag.name}
        pending={addImpliedBy.isPending}
        error={errors.impliedBy}
        errorTestId="tag-rule-error"
        onEdit={addImpliedBy.reset}
        onSave={(other, _status, done) =>
          addImpliedBy.mutate({ antecedent: other, consequent: tag.name }, { onSuccess: done })
        }
      />
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
