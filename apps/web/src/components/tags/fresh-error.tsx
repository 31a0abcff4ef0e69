"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";

interface Clock {
  lastSuccess: number;
  markSuccess(): void;
}

const ActionClock = createContext<Clock>({ lastSuccess: 0, markSuccess: () => undefined });

/**
 * The admin tag editor's sense of "later": every successful action marks the time, and an error from
 * an action sent before it is old news. Without it a refusal stayed on screen after later successes.
 */
export function ActionClockProvider({ children }: { children: ReactNode }) {
  const [lastSuccess, setLastSuccess] = useState(0);
  const markSuccess = useCallback(() => setLastSuccess(Date.now()), []);
  const value = useMemo(() => ({ lastSuccess, markSuccess }), [lastSuccess, markSuccess]);
  return <ActionClock.Provider value={value}>{children}</ActionClock.Provider>;
}

export const useMarkSuccess = () => useContext(ActionClock).markSuccess;

/** An action's error (a mutation's), unless an action that succeeded was sent after it. */
export function useFreshError(action: { error: unknown; submittedAt: number }): unknown {
  const { lastSuccess } = useContext(ActionClock);
  return action.error && action.submittedAt >= lastSuccess ? action.error : null;
}
