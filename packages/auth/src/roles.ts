export const userRoles = ["user", "curator", "admin"] as const;
export type UserRole = (typeof userRoles)[number];

/**
 * Who is calling: a signed-in account, through a browser session or a script's API key (which acts
 * with its owner's current role). The one caller type of every layer; an anonymous caller is `null`.
 * Code that only records who acted takes `Pick<Caller, "id">`, a rule that decides takes `"id" | "role"`.
 */
export interface Caller {
  id: string;
  role: UserRole;
  via: "session" | "api_key";
}

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === "string" && (userRoles as readonly string[]).includes(value);
}

/** The one role capability: curators and admins moderate, tag and delete anything. */
export function canCurate(role: UserRole): boolean {
  return role === "curator" || role === "admin";
}
