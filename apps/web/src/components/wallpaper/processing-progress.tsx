"use client";

import { useEffect } from "react";
import styles from "./processing-progress.module.css";
import { type ProgressView, useWallpaperProgress } from "./use-wallpaper-progress.ts";

type DisplayState = "pending" | "running" | "done" | "failed";

interface DisplayStep {
  name: string;
  label: string;
  state: DisplayState;
  error: string | null;
  retrying: boolean;
}

const labels: Record<string, string> = {
  stored: "Stored",
  poster: "Poster",
  variants: "Variants",
  quality: "Quality",
  color: "Colors",
  classify: "Content",
  detect: "Objects",
  ready: "Ready",
};

const stateText: Record<DisplayState, string> = {
  pending: "waiting",
  running: "running",
  done: "done",
  failed: "failed",
};

/** Stored (the wallpaper exists, or there would be no feed) → the pipeline's steps → ready. */
function displaySteps(view: ProgressView | null): DisplayStep[] {
  const steps: DisplayStep[] = [
    { name: "stored", label: labels.stored ?? "Stored", state: "done", error: null, retrying: false },
  ];
  for (const step of view?.steps ?? []) {
    steps.push({
      name: step.step,
      label: labels[step.step] ?? step.step,
      state: step.state,
      error: step.error,
      // A pending step with an error is waiting for its retry, not for its first run.
      retrying: step.state === "pending" && step.error !== null,
    });
  }
  const ready: DisplayState =
    view?.status === "ready" ? "done" : view?.status === "failed" ? "failed" : "pending";
  steps.push({ name: "ready", label: "Ready", state: ready, error: null, retrying: false });
  return steps;
}

export interface ProcessingProgressProps {
  wallpaperId: string;
  /** Called once the wallpaper is ready or failed (e.g. the wallpaper page re-renders with its results). */
  onSettled?: (status: "ready" | "failed") => void;
}

export function ProcessingProgress({ wallpaperId, onSettled }: ProcessingProgressProps) {
  const { view, connection, error } = useWallpaperProgress(wallpaperId);
  const steps = displaySteps(view);
  const failed = steps.find((s) => s.state === "failed" && s.error);
  const status = view?.status ?? "loading";
  useEffect(() => {
    if (status === "ready" || status === "failed") onSettled?.(status);
  }, [status, onSettled]);
  return (
    <div data-testid="processing-progress" data-status={status} data-connection={connection}>
      <ol className={styles.steps} aria-label="Processing steps">
        {steps.map((step) => (
          <li
            key={step.name}
            className={styles.step}
            data-step={step.name}
            data-state={step.state}
            title={step.error ?? undefined}
          >
            {step.label}
            <span className="sr-only"> {step.retrying ? "retrying" : stateText[step.state]}</span>
            {step.retrying ? <span aria-hidden="true">↻</span> : null}
          </li>
        ))}
      </ol>
      {failed ? (
        <p className={styles.reason} role="alert" data-testid="processing-failure">
          {failed.label} failed: {failed.error}
        </p>
      ) : null}
      {connection === "connecting" && view && status === "processing" ? (
        <p className={styles.note} role="status">
          Reconnecting…
        </p>
      ) : null}
      {connection === "error" ? (
        <p className={styles.note} role="status">
          Live progress is unavailable: {error ?? "connection lost"}
        </p>
      ) : null}
    </div>
  );
}
