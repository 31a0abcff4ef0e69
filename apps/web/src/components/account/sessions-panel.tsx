"use client";

import { useState } from "react";
import { unreachableMessage } from "~/components/shared/error-messages.ts";
import { postAuth } from "./auth-request.ts";

/** Sign out every other browser and device (better-auth's `/revoke-other-sessions`); this one stays. */
export function SessionsPanel() {
  const [state, setState] = useState<{ kind: "idle" | "busy" | "done" } | { kind: "error"; message: string }>(
    {
      kind: "idle",
    },
  );

  async function signOutOthers() {
    setState({ kind: "busy" });
    try {
      const problem = await postAuth("revoke-other-sessions", {});
      setState(problem ? { kind: "error", message: problem } : { kind: "done" });
    } catch {
      setState({ kind: "error", message: unreachableMessage });
    }
  }

  return (
    <section className="card" aria-labelledby="sessions-title" data-testid="sessions-panel">
      <div className="card-header">
        <h2 id="sessions-title">Sessions</h2>
      </div>
      <p className="muted">
        Lost a phone, or signed in on a shared computer? Sign out everywhere else; this browser stays signed
        in. API keys are not sessions: revoke them above.
      </p>
      <button className="button" type="button" onClick={signOutOthers} disabled={state.kind === "busy"}>
        Sign out everywhere else
      </button>
      {state.kind === "done" ? (
        <p className="notice notice-ok" role="status">
          Every other session has ended.
        </p>
      ) : null}
      {state.kind === "error" ? (
        <p className="notice notice-bad" role="alert">
          {state.message}
        </p>
      ) : null}
    </section>
  );
}
