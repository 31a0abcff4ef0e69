import type { EventPayload } from "@wallpaperdb/events";

/** What a user sees of one processing step; `skipped` never reaches users (a step a media type does not need). */
export type StepProgressState = "pending" | "running" | "done" | "failed";
export type ProgressStatus = "processing" | "ready" | "failed";

export interface StepProgress {
  step: string;
  state: StepProgressState;
  attempts: number;
  /** Why the last attempt failed (a retry is coming while the state is pending). */
  error: string | null;
}

export interface ProgressView {
  wallpaperId: string;
  status: ProgressStatus;
  steps: StepProgress[];
}

/** One item of the feed: the whole view (small), and the step change that produced it (null for a snapshot). */
export interface ProgressUpdate {
  view: ProgressView;
  change: StepProgress | { step: "ready" } | null;
}

const rank: Record<StepProgressState, number> = { running: 1, pending: 2, done: 3, failed: 3 };

/**
 * A step's transitions only ever move forward in (attempts, rank): pending(0) → running(1) →
 * pending(1, error) → running(2) → done(2). Comparing keys makes replays and events the snapshot
 * already reflects harmless, whichever order the snapshot and the stream are read in.
 */
export function progressKey(state: StepProgressState, attempts: number): number {
  return attempts * 4 + rank[state];
}

export function statusOf(steps: readonly StepProgress[], processed: boolean): ProgressStatus {
  if (processed) return "ready";
  return steps.some((s) => s.state === "failed") ? "failed" : "processing";
}

type ProgressEvent = EventPayload<"wallpaper.progress.v1">;

/** Applies one progress event; returns null when it changes nothing (old, duplicate or skipped). */
export function applyProgress(view: ProgressView, event: ProgressEvent): ProgressUpdate | null {
  if (event.state === "skipped" || view.status !== "processing") return null;
  const current = view.steps.find((s) => s.step === event.step);
  const key = progressKey(event.state, event.attempts);
  if (current && key <= progressKey(current.state, current.attempts)) return null;
  const next: StepProgress = {
    step: event.step,
    state: event.state,
    attempts: event.attempts,
    error: event.state === "failed" || event.state === "pending" ? (event.error ?? null) : null,
  };
  const steps = current ? view.steps.map((s) => (s.step === event.step ? next : s)) : [...view.steps, next];
  return { view: { ...view, steps, status: statusOf(steps, false) }, change: next };
}

export function applyProcessed(view: ProgressView): ProgressUpdate | null {
  if (view.status !== "processing") return null;
  return { view: { ...view, status: "ready" }, change: { step: "ready" } };
}

const letters: Record<StepProgressState, string> = { pending: "p", running: "r", done: "d", failed: "f" };
const states: Record<string, StepProgressState> = { p: "pending", r: "running", d: "done", f: "failed" };

/**
 * The SSE event id: the stream sequence the view is current to, plus each step's (attempts, state).
 * A reconnect resumes the stream after that sequence and needs the keys to drop events the first
 * view already reflected (the snapshot comes from PostgreSQL, which can be ahead of the relay).
 * Example: `1234:variants.1d,quality.1r,color.0p`.
 */
export function encodeCursor(sequence: number, view: ProgressView): string {
  const steps = view.steps.map((s) => `${s.step}.${s.attempts}${letters[s.state]}`).join(",");
  return `${sequence}:${steps}`;
}

export function decodeCursor(
  id: string,
  wallpaperId: string,
): { sequence: number; view: ProgressView } | null {
  const match = /^(\d{1,15}):((?:[a-z_-]{1,40}\.\d{1,6}[prdf],?){0,16})$/.exec(id);
  if (!match?.[1]) return null;
  const steps: StepProgress[] = [];
  for (const part of (match[2] ?? "").split(",")) {
    const step = /^([a-z_-]+)\.(\d+)([prdf])$/.exec(part);
    if (!step?.[1] || !step[2] || !step[3]) continue;
    const state = states[step[3]];
    if (state) steps.push({ step: step[1], state, attempts: Number(step[2]), error: null });
  }
  return { sequence: Number(match[1]), view: { wallpaperId, status: statusOf(steps, false), steps } };
}
