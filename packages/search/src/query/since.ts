/** `2026-01-01`, a full ISO timestamp, or a relative age such as `7d`, `12h`, `2w`, `3m`, `1y`. */
const RELATIVE = /^(\d{1,5})([hdwmy])$/u;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/u;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/u;

const HOUR = 3_600_000;
const unitMs: Record<string, number> = {
  h: HOUR,
  d: 24 * HOUR,
  w: 7 * 24 * HOUR,
  m: 30 * 24 * HOUR,
  y: 365 * 24 * HOUR,
};

export function isValidSince(value: string): boolean {
  if (RELATIVE.test(value)) return true;
  if (!DATE_ONLY.test(value) && !DATE_TIME.test(value)) return false;
  const parsed = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  // Rejects 2026-02-31, which Date would silently roll over into March.
  return (
    !Number.isNaN(parsed.getTime()) && (!DATE_ONLY.test(value) || parsed.toISOString().startsWith(value))
  );
}

/**
 * The instant a `since` value stands for. Relative ages stay relative in the canonical input (so a
 * cursor made on page 1 still belongs to the same query on page 2) and are resolved per execution.
 */
export function resolveSince(value: string, now: Date): Date {
  const relative = RELATIVE.exec(value);
  if (relative) {
    const amount = Number(relative[1]);
    const unit = unitMs[relative[2] ?? "d"] ?? unitMs.d ?? HOUR;
    return new Date(now.getTime() - amount * unit);
  }
  return new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
}
