/**
 * An account's public handle (`/users/<username>`, `uploader:<username>`): lower-case letters, digits,
 * `-` and `_`, 2 to 30 characters, starting with a letter or digit, so it is safe in a URL path and in
 * the query language without quoting. The database checks the same pattern (`users_username_handle`).
 */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9_-]{1,29}$/u;

export function isValidUsername(value: string): boolean {
  return USERNAME_PATTERN.test(value);
}

/**
 * The handle a display name suggests: lower-cased, every run of other characters one `-`, at most 24
 * characters (room for a suffix), `user` before anything shorter than 2. Migration 0017's backfill
 * applies the same rule in SQL to the accounts that existed before handles.
 */
export function usernameFromName(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, "-")
    .replace(/^-+|-+$/gu, "")
    .slice(0, 24)
    .replace(/-+$/u, "");
  return base.length < 2 ? `user${base}` : base;
}
