/**
 * The upload lifecycle as data: `initiated → receiving → received → committed`, with `rejected` and
 * `expired` as the other ends. Guarded UPDATEs in uploads-repo.ts apply exactly these edges.
 */
export const uploadStates = [
  "initiated",
  "receiving",
  "received",
  "committed",
  "rejected",
  "expired",
] as const;
export type UploadState = (typeof uploadStates)[number];

export type UploadEvent = "bytes_started" | "bytes_finished" | "commit" | "reject" | "expire";

/** Which state each event leads to, per current state. A missing entry is a refused transition. */
export const uploadTransitions: Record<UploadState, Partial<Record<UploadEvent, UploadState>>> = {
  initiated: {
    bytes_started: "receiving",
    bytes_finished: "received",
    reject: "rejected",
    expire: "expired",
  },
  receiving: { bytes_finished: "received", reject: "rejected", expire: "expired" },
  // A received upload may still be refused at validation, or abandoned before anyone calls complete.
  received: { commit: "committed", reject: "rejected", expire: "expired" },
  committed: {},
  rejected: {},
  expired: {},
};

export function nextState(from: UploadState, event: UploadEvent): UploadState | null {
  return uploadTransitions[from][event] ?? null;
}

/** Every state from which `event` is allowed: the `where state in (...)` of a guarded UPDATE. */
export function statesAllowing(event: UploadEvent): UploadState[] {
  return uploadStates.filter((state) => uploadTransitions[state][event] !== undefined);
}

export function isTerminal(state: UploadState): boolean {
  return Object.keys(uploadTransitions[state]).length === 0;
}

/** States in which bytes may still arrive over tus. */
export const openForBytes: readonly UploadState[] = ["initiated", "receiving"];
