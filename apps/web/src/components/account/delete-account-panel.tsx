"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";

/** Delete my account, after my password; I choose whether my uploads stay (without my name) or go. */
export function DeleteAccountPanel() {
  const trpc = useTRPC();
  const remove = useMutation(
    trpc.account.delete.mutationOptions({
      // The session went with the account: a full load shows the site signed out.
      onSuccess: () => window.location.assign("/?account=deleted"),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    remove.mutate({
      password: String(data.get("password") ?? ""),
      uploads: data.get("uploads") === "delete" ? "delete" : "keep",
    });
  }

  return (
    <section className="card danger-zone" aria-labelledby="delete-title" data-testid="delete-account-panel">
      <div className="card-header">
        <h2 id="delete-title">Delete my account</h2>
      </div>
      <p className="muted">
        Your account, sessions, API keys and favorites are deleted at once; this cannot be undone.
      </p>
      <form className="auth-form" onSubmit={submit}>
        <fieldset className="choice">
          <legend>My uploads</legend>
          <label className="check">
            <input type="radio" name="uploads" value="keep" defaultChecked /> Keep them in the gallery,
            without my name
          </label>
          <label className="check">
            <input type="radio" name="uploads" value="delete" /> Delete them too
          </label>
        </fieldset>
        <label className="field">
          <span>Password</span>
          <input className="input" name="password" type="password" autoComplete="current-password" required />
        </label>
        {remove.isError ? (
          <p className="notice notice-bad" role="alert">
            {describeError(remove.error)}
          </p>
        ) : null}
        <button
          className="button button-danger"
          type="submit"
          disabled={remove.isPending || remove.isSuccess}
        >
          Delete my account
        </button>
      </form>
    </section>
  );
}
