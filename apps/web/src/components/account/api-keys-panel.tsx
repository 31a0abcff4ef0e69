"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";
import { CopyButton } from "./copy-button.tsx";

const when = (date: Date | null) => (date ? date.toLocaleString() : "never");

export function ApiKeysPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.account.apiKeys.list.queryOptions());
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.apiKeys.list.queryKey() });
  const create = useMutation(
    trpc.account.apiKeys.create.mutationOptions({
      onSuccess: async (key) => {
        setCreated({ name: key.name, key: key.key });
        await refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.account.apiKeys.revoke.mutationOptions({ onSuccess: refresh }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    create.mutate({ name });
  }

  return (
    <div className="card">
      <div className="card-header">
        <h2>API keys</h2>
      </div>
      <p className="muted">
        Scripts and the CLI send a key as <code>authorization: Bearer &lt;key&gt;</code> (
        <code>--api-key</code> or <code>WALLPAPERDB_API_KEY</code>). A key acts as you, with your role. From a
        terminal, <code>wallpaperdb login</code> signs in and stores a key for the CLI.
      </p>
      <form className="inline-form" onSubmit={submit}>
        <input
          className="input"
          name="name"
          aria-label="Key name"
          placeholder="e.g. laptop import"
          required
          maxLength={100}
        />
        <button className="button" type="submit" disabled={create.isPending}>
          Create key
        </button>
      </form>
      {create.isError ? <p className="notice notice-bad">{describeError(create.error)}</p> : null}
      {created ? (
        <div className="notice notice-ok" role="status">
          <strong>Copy the key “{created.name}” now: it is not shown again.</strong>
          <code className="secret" data-testid="new-api-key">
            {created.key}
          </code>
          <CopyButton text={created.key} label={`Copy the key ${created.name}`} />
        </div>
      ) : null}
      <ul className="key-list">
        {(keys.data ?? []).map((key) => (
          <li key={key.id} className="key-row" data-revoked={key.revokedAt ? "true" : "false"}>
            <span>
              <strong>{key.name}</strong> <code>{key.prefix}…</code>
            </span>
            <span className="muted">
              created {when(key.createdAt)} · last used {when(key.lastUsedAt)}
            </span>
            {key.revokedAt ? (
              <span className="badge badge-bad">revoked</span>
            ) : (
              <button
                className="button button-ghost"
                type="button"
                onClick={() => revoke.mutate({ keyId: key.id })}
                aria-label={`Revoke ${key.name}`}
              >
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
