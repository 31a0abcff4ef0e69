import { type Database, users } from "@wallpaperdb/db";

export interface SeedUser {
  id: string;
  role?: "user" | "curator" | "admin";
}

/** Accounts for a test: the id doubles as the name, the email is `<id>@example.test`. */
export async function seedUsers(db: Database, people: Iterable<SeedUser>): Promise<void> {
  await db.insert(users).values(
    [...people].map((p) => ({
      id: p.id,
      name: p.id,
      email: `${p.id}@example.test`,
      ...(p.role ? { role: p.role } : {}),
    })),
  );
}
