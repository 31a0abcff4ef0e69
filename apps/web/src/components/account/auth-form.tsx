"use client";

import Link from "next/link";
import { type FormEvent, useEffect, useState } from "react";
import { unreachableMessage } from "~/components/shared/error-messages.ts";
import { authErrorMessage, MUST_CHANGE_PASSWORD_PATH } from "./auth-request.ts";
import { authHref } from "./return-path.ts";
import "./account.css";

type Mode = "sign-in" | "sign-up";

/** `returnTo` is already a checked same-site path (safeReturnPath): where the user was before signing in. */
export function AuthForm({ mode, returnTo }: { mode: Mode; returnTo: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Until React has hydrated, a submit would be the browser's own GET with the password in the URL:
  // the button stays disabled until our handler is attached.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body =
      mode === "sign-up"
        ? { name: form.get("name"), email: form.get("email"), password: form.get("password") }
        : { email: form.get("email"), password: form.get("password") };
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/auth/${mode}/email`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        setError(await authErrorMessage(response));
        return;
      }
      // Read to the end first: navigating away mid-body would show as a failed request.
      const answer: unknown = await response.json().catch(() => null);
      // An admin set a one-time password: the account page asks for the user's own before anything else.
      const mustChange =
        typeof answer === "object" &&
        answer !== null &&
        "user" in answer &&
        (answer.user as { mustChangePassword?: unknown } | null)?.mustChangePassword === true;
      // A full load so every part of the page (header, cached queries) sees the new session.
      window.location.assign(mustChange ? MUST_CHANGE_PASSWORD_PATH : (returnTo ?? "/account"));
    } catch {
      setError(unreachableMessage);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card auth-form" method="post" onSubmit={submit} noValidate={false}>
      {mode === "sign-up" ? (
        <label className="field">
          <span>Name</span>
          <input className="input" name="name" autoComplete="name" required maxLength={100} />
        </label>
      ) : null}
      <label className="field">
        <span>Email</span>
        <input className="input" name="email" type="email" autoComplete="email" required />
      </label>
      <label className="field">
        <span>Password</span>
        <input
          className="input"
          name="password"
          type="password"
          autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
          minLength={mode === "sign-up" ? 10 : undefined}
          required
        />
      </label>
      {error ? (
        <p className="notice notice-bad" role="alert">
          {error}
        </p>
      ) : null}
      <button className="button" type="submit" disabled={busy || !hydrated}>
        {mode === "sign-up" ? "Create account" : "Sign in"}
      </button>
      <p className="muted">
        {mode === "sign-up" ? (
          <>
            Have an account? <Link href={authHref("/sign-in", returnTo)}>Sign in</Link>
          </>
        ) : (
          <>
            New here? <Link href={authHref("/sign-up", returnTo)}>Create an account</Link>
          </>
        )}
      </p>
    </form>
  );
}
