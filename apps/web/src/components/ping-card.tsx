"use client";

import { skipToken, useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTRPC } from "~/trpc/react.tsx";
import { type PipelinePhase, PipelineSteps } from "./pipeline-steps.tsx";

const GIVE_UP_AFTER_MS = 15_000;

interface Attempt {
  pingId: string;
  sentAt: number;
}

export function PingCard() {
  const trpc = useTRPC();
  const [message, setMessage] = useState("Hello from the browser");
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [timedOut, setTimedOut] = useState(false);

  const send = useMutation(
    trpc.ping.send.mutationOptions({
      onSuccess: ({ pingId }) => {
        setTimedOut(false);
        setAttempt({ pingId, sentAt: Date.now() });
      },
    }),
  );

  const status = useQuery(
    trpc.ping.byId.queryOptions(attempt ? { pingId: attempt.pingId } : skipToken, {
      // Poll until a worker has answered; stop once it has, or once we have given up.
      refetchInterval: (query) => (query.state.data?.status === "delivered" || timedOut ? false : 400),
      staleTime: 0,
    }),
  );

  const delivered = status.data?.status === "delivered" ? status.data : null;

  useEffect(() => {
    if (!attempt || delivered) return;
    const timer = setTimeout(
      () => setTimedOut(true),
      Math.max(0, attempt.sentAt + GIVE_UP_AFTER_MS - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [attempt, delivered]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send.mutate({ message });
  }

  const fieldError = send.error?.data?.fieldErrors?.message?.[0];
  const waiting = attempt !== null && !delivered && !timedOut && !status.isError;
  const phase: PipelinePhase = send.isPending
    ? "sending"
    : delivered
      ? "delivered"
      : timedOut
        ? "stalled"
        : waiting
          ? "waiting"
          : "idle";

  return (
    <article className="card" aria-labelledby="ping-title" data-testid="ping-card">
      <header className="card-header">
        <h2 id="ping-title">Send a ping through the pipeline</h2>
      </header>
      <p className="muted">
        Your ping is written to PostgreSQL together with an outbox event in one transaction. The relay
        publishes it to NATS JetStream, a worker answers, and the answer lands back in the database.
      </p>
      <PipelineSteps phase={phase} />
      <form className="ping-form" onSubmit={onSubmit}>
        <label htmlFor="ping-message" className="sr-only">
          Message
        </label>
        <input
          id="ping-message"
          className="input"
          value={message}
          maxLength={200}
          onChange={(event) => setMessage(event.target.value)}
          aria-invalid={fieldError ? true : undefined}
        />
        <button type="submit" className="button" disabled={send.isPending || waiting}>
          {send.isPending ? "Sending…" : waiting ? "Waiting for a worker…" : "Send ping"}
        </button>
      </form>
      <div className="ping-result" aria-live="polite" data-testid="ping-result">
        {fieldError ? <p className="notice notice-bad">{fieldError}</p> : null}
        {send.error && !fieldError ? <p className="notice notice-bad">{send.error.message}</p> : null}
        {waiting ? (
          <p className="notice">
            <span className="spinner" aria-hidden="true" />
            <span>Sent. Waiting for a worker to answer…</span>
          </p>
        ) : null}
        {delivered ? (
          <p className="notice notice-ok" data-testid="ping-delivered">
            <span>
              Delivered by <strong>{delivered.pongedBy ?? "a worker"}</strong> in{" "}
              <strong>{delivered.latencyMs ?? "?"} ms</strong>.
            </span>
          </p>
        ) : null}
        {timedOut && !delivered ? (
          <p className="notice notice-bad" data-testid="ping-timeout">
            <span>
              No worker answered within 15 s. The ping is saved and will be answered once a worker is running:{" "}
              <code>node apps/workers/src/main.ts</code>
            </span>
          </p>
        ) : null}
        {status.isError ? (
          <p className="notice notice-bad">Could not read the ping: {status.error.message}</p>
        ) : null}
      </div>
    </article>
  );
}
