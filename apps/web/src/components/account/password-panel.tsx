"use client";

import { type FormEvent, useState } from "react";
import { unreachableMessage } from "~/components/shared/error-messages.ts";
import { postAuth } from "./auth-request.ts";

/**
 * Change my password (better-auth's `/change-password`, which checks the current one). Other devices are
 * signed out unless the box is cleared; this browser gets a fresh session. After a one-time password set
 * by an admin, this is the first thing the page asks for.
 */
export function PasswordPanel({ mustChange }: { mustChange: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const newPassword = String(data.get("newPassword") ?? "");
    if (newPassword !== String(data.get("confirm") ?? "")) {
      setError("The two new passwords differ.");
      return;
    }
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const problem = await postAuth("change-password", {
        currentPassword: String(data.get("currentPassword") ?? ""),
        newPassword,
        revokeOtherSessions: data.get("signOutOthers") === "on",
      });
      if (problem) {
        setError(problem);
        return;
      }
      form.reset();
      if (mustChange) {
        // The header and every cached query should see an account that may now use the site.
        window.location.assign("/account");
        return;
      }
      setDone(true);
    } catch {
      setError(unreachableMessage);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" id="password" aria-labelledby="password-title" data-testid="password-panel">
      <div className="card-header">
        <h2 id="password-title">Password</h2>
      </div>
      {mustChange ? (
        <p className="notice notice-bad" role="alert" data-testid="must-change-password">
          You signed in with a one-time password. Choose your own password now.
        </p>
      ) : null}
      <form className="auth-form" onSubmit={submit}>
        <label className="field">
          <span>{mustChange ? "One-time password" : "Current password"}</span>
          <input
            className="input"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
          />
        </label>
        <label className="field">
          <span>New password</span>
          <input
            className="input"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            minLength={10}
            maxLength={256}
            required
          />
        </label>
        <label className="field">
          <span>New password again</span>
          <input
            className="input"
            name="confirm"
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
          />
        </label>
        <label className="check">
          <input type="checkbox" name="signOutOthers" defaultChecked /> Sign out my other devices
        </label>
        {error ? (
          <p className="notice notice-bad" role="alert">
            {error}
          </p>
        ) : null}
        {done ? (
          <p className="notice notice-ok" role="status">
            Password changed.
          </p>
        ) : null}
        <button className="button" type="submit" disabled={busy}>
          Change password
        </button>
      </form>
    </section>
  );
}
