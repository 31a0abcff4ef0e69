export const userRoles = ["user", "curator", "admin"] as const;
export type UserRole = (typeof userRoles)[number];

/** Who is calling: a browser session or a script's API key, acting with the owner's role either way. */
export interface AuthUser {
  id: string;
  role: UserRole;
  via: "session" | "api_key";
}

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === "string" && (userRoles as readonly string[]).includes(value);
}

/** Curators and admins moderate and tag anything; plain users only what they uploaded. */
export function canCurate(role: UserRole): boolean {
  return role === "curator" || role === "admin";
}

export function mayModify(user: { id: string; role: UserRole }, ownerId: string | null): boolean {
  return canCurate(user.role) || (ownerId !== null && ownerId === user.id);
}
