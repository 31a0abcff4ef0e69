import { basename } from "node:path";
import { type FileOutcome, formatBytes } from "./summary.ts";

export interface ProgressState {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  startedAt: number;
}

export function progressLine(state: ProgressState, now: number, width = 28): string {
  const fraction = state.bytesTotal > 0 ? Math.min(1, state.bytesDone / state.bytesTotal) : 1;
  const filled = Math.round(fraction * width);
  const seconds = Math.max(0.001, (now - state.startedAt) / 1000);
  const speed = state.bytesDone / 1024 / 1024 / seconds;
  return (
    `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${state.filesDone}/${state.filesTotal} files  ` +
    `${(state.bytesDone / 1024 / 1024).toFixed(1)}/${(state.bytesTotal / 1024 / 1024).toFixed(1)} MB  ` +
    `${speed.toFixed(1)} MB/s`
  );
}

/** One finished file; an added or known wallpaper ends with the link to its page. */
export function resultLine(outcome: FileOutcome): string {
  const name = basename(outcome.path);
  switch (outcome.outcome) {
    case "added":
      return `added      ${name} (${formatBytes(outcome.bytes)}) ${outcome.url}`;
    case "duplicate":
      return `duplicate  ${name} ${outcome.url}`;
    case "skipped":
      return `skipped    ${name}: ${[outcome.code ?? outcome.reason, outcome.message].filter(Boolean).join(": ")}`;
    case "failed":
      return `failed     ${name}: ${outcome.message}`;
  }
}

/**
 * On a terminal one bar redraws in place (per-file lines scroll above it); in a pipe or a log every
 * finished file is one plain line, so CI logs stay readable.
 */
export class ProgressReporter {
  readonly #out: NodeJS.WriteStream;
  readonly #tty: boolean;
  readonly #state: ProgressState;
  readonly #inFlight = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;

  constructor(out: NodeJS.WriteStream, filesTotal: number, bytesTotal: number) {
    this.#out = out;
    this.#tty = Boolean(out.isTTY);
    this.#state = { filesDone: 0, filesTotal, bytesDone: 0, bytesTotal, startedAt: Date.now() };
    if (this.#tty) this.#timer = setInterval(() => this.#draw(), 200);
  }

  fileProgress(path: string, bytesSent: number): void {
    this.#inFlight.set(path, bytesSent);
  }

  fileDone(path: string, size: number, outcome: FileOutcome): void {
    this.#inFlight.delete(path);
    this.#state.filesDone += 1;
    this.#state.bytesDone += size;
    const line = resultLine(outcome);
    if (this.#tty) this.#out.write(`\r\x1b[2K${line}\n`);
    else this.#out.write(`[${this.#state.filesDone}/${this.#state.filesTotal}] ${line}\n`);
    this.#draw();
  }

  /** A line about the run itself (a wait), above the bar. */
  note(line: string): void {
    this.#out.write(this.#tty ? `\r\x1b[2K${line}\n` : `${line}\n`);
    this.#draw();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    if (this.#tty) this.#out.write("\r\x1b[2K");
  }

  #draw(): void {
    if (!this.#tty) return;
    let inFlight = 0;
    for (const sent of this.#inFlight.values()) inFlight += sent;
    const line = progressLine({ ...this.#state, bytesDone: this.#state.bytesDone + inFlight }, Date.now());
    this.#out.write(`\r\x1b[2K${line}`);
  }
}
