"use client";

import { useQuery } from "@tanstack/react-query";

interface Check {
  name: string;
  label: string;
  ok: boolean;
  latencyMs: number;
  detail: string;
}

interface ReadyState {
  ready: boolean;
  checks: Check[];
  checkedAt: Date;
}

// /api/ready answers 200 when ready and 503 problem+json otherwise; both carry the per-part checks.
async function fetchReadiness(): Promise<ReadyState> {
  const response = await fetch("/api/ready", { cache: "no-store" });
  const body = (await response.json()) as { checks?: Check[]; detail?: string };
  if (!Array.isArray(body.checks))
    throw new Error(body.detail ?? `Readiness check answered ${response.status}`);
  return { ready: response.ok, checks: body.checks, checkedAt: new Date() };
}

export function StatusPanel() {
  const readiness = useQuery({
    queryKey: ["readiness"],
    queryFn: fetchReadiness,
    refetchInterval: 10_000,
    staleTime: 0,
    retry: false,
  });

  const overall = readiness.isPending
    ? { tone: "pending", text: "Checking…" }
    : readiness.data?.ready
      ? { tone: "ok", text: "All systems ready" }
      : { tone: "bad", text: "Degraded" };

  return (
    <article className="card" aria-labelledby="status-title" data-testid="status-panel">
      <header className="card-header">
        <h2 id="status-title">System status</h2>
        <span className={`badge badge-${overall.tone}`} data-testid="status-overall">
          {overall.text}
        </span>
      </header>
      {readiness.isError ? (
        <p className="notice notice-bad">Could not reach the readiness endpoint: {readiness.error.message}</p>
      ) : null}
      <ul className="checks">
        {(readiness.data?.checks ?? []).map((check) => (
          <li key={check.name} className="check" data-testid={`check-${check.name}`} data-ok={check.ok}>
            <span className={`dot ${check.ok ? "dot-ok" : "dot-bad"}`} aria-hidden="true" />
            <span className="check-label">{check.label}</span>
            <span className="check-state">{check.ok ? "ready" : "failing"}</span>
            <span className="check-detail">
              {check.detail} · {check.latencyMs} ms
            </span>
          </li>
        ))}
        {readiness.isPending
          ? ["a", "b", "c", "d"].map((key) => (
              <li key={key} className="check check-skeleton" aria-hidden="true" />
            ))
          : null}
      </ul>
      <footer className="card-footer muted">
        {readiness.data
          ? `Checked ${readiness.data.checkedAt.toLocaleTimeString()} · refreshes every 10 s`
          : " "}
      </footer>
    </article>
  );
}
