"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";
import styles from "./system.module.css";

// Often enough to watch a backlog drain, rarely enough that an open tab costs nothing noticeable.
const REFRESH_MS = 5000;

type Part<T> = { ok: true; value: T } | { ok: false; error: string };

function Section<T>({
  title,
  part,
  children,
}: {
  title: string;
  part: Part<T>;
  children: (value: T) => ReactNode;
}) {
  return (
    <section className="card" data-testid={`system-${title.toLowerCase().replace(/\s+/g, "-")}`}>
      <h2>{title}</h2>
      {part.ok ? children(part.value) : <p className="notice notice-bad">Could not read: {part.error}</p>}
    </section>
  );
}

function Badge({ ok, children }: { ok: boolean; children: ReactNode }) {
  return <span className={`badge ${ok ? "badge-ok" : "badge-bad"}`}>{children}</span>;
}

function age(seconds: number): string {
  if (seconds < 1) return "none";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

function time(value: Date | string | null): string {
  return value ? new Date(value).toLocaleString() : "—";
}

export function SystemOverview() {
  const trpc = useTRPC();
  const overview = useQuery({
    ...trpc.system.overview.queryOptions(undefined, { refetchInterval: REFRESH_MS }),
    refetchIntervalInBackground: false,
  });
  if (overview.isPending) return <p className="muted">Loading…</p>;
  if (overview.isError) return <p className="notice notice-bad">{describeError(overview.error)}</p>;
  const data = overview.data;
  return (
    <div data-testid="system-overview">
      <p className="muted" role="status">
        Updated {time(data.checkedAt)} · refreshes every {REFRESH_MS / 1000} s
        {overview.isRefetchError ? " · last refresh failed" : ""}
      </p>
      <div className={styles.grid}>
        <Section title="Dependencies" part={data.readiness}>
          {(readiness) => (
            <table className={styles.table}>
              <tbody>
                {readiness.checks.map((check) => (
                  <tr key={check.name} data-check={check.name} data-ok={check.ok}>
                    <td>{check.label}</td>
                    <td>
                      <Badge ok={check.ok}>{check.ok ? "ready" : "failing"}</Badge>
                    </td>
                    <td className={styles.num}>{check.latencyMs} ms</td>
                    <td>{check.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
        <Section title="Outbox" part={data.outbox}>
          {(outbox) => (
            <p>
              <span className={styles.big} data-testid="outbox-backlog">
                {outbox.backlog}
              </span>{" "}
              unpublished {outbox.backlog === 1 ? "event" : "events"} · oldest waiting{" "}
              <strong>{age(outbox.oldestAgeSeconds)}</strong>
            </p>
          )}
        </Section>
      </div>
      <Section title="Consumers" part={data.consumers}>
        {(consumers) => (
          <table className={styles.table}>
            <thead>
              <tr>
                <th>Consumer</th>
                <th className={styles.num}>Lag</th>
                <th className={styles.num}>In flight</th>
                <th className={styles.num}>Redelivered</th>
                <th>Workers pulling</th>
                <th>Last delivery</th>
              </tr>
            </thead>
            <tbody>
              {consumers.map((c) => (
                <tr key={c.name} data-consumer={c.name}>
                  <td>{c.name}</td>
                  <td className={styles.num}>{c.pending}</td>
                  <td className={styles.num}>{c.ackPending}</td>
                  <td className={styles.num}>{c.redelivered}</td>
                  <td>
                    <Badge ok={c.waitingPulls > 0 || c.ackPending > 0}>
                      {c.waitingPulls > 0 ? "yes" : c.ackPending > 0 ? "busy" : "none"}
                    </Badge>
                  </td>
                  <td>{time(c.lastActive)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <div className={styles.grid}>
        <Section title="Failed steps" part={data.failedSteps}>
          {(rows) =>
            rows.length === 0 ? (
              <p className="muted">No failed steps.</p>
            ) : (
              <table className={styles.table}>
                <tbody>
                  {rows.map((row) => (
                    <tr key={`${row.wallpaperId}-${row.step}`}>
                      <td>
                        <Link href={`/wallpapers/${row.wallpaperId}`}>{row.wallpaperId.slice(0, 8)}</Link> ·{" "}
                        {row.step} · {row.attempts}×
                      </td>
                      <td className={styles.error}>{row.error}</td>
                      <td>{time(row.at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Section>
        <Section title="Event failures" part={data.failures}>
          {(rows) =>
            rows.length === 0 ? (
              <p className="muted">No terminated events.</p>
            ) : (
              <table className={styles.table}>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td>
                        {row.consumer} · {row.deliveries}×
                      </td>
                      <td className={styles.error}>{row.error}</td>
                      <td>{time(row.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Section>
      </div>
    </div>
  );
}
