import { sql } from "drizzle-orm";
import { boolean, check, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { userRole } from "./enums.ts";

// Shaped so an auth library with a drizzle adapter (text ids, name/email/emailVerified/image) can own it.
export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey().default(sql`gen_random_uuid()::text`),
    name: text("name").notNull(),
    // The public handle in `/users/<username>` and `uploader:<username>`: lower-case, URL-safe, unique
    // (rule and derivation in packages/auth/src/username.ts). The default only keeps the column total
    // for rows written outside the app; sign-up derives it from the name.
    username: text("username").notNull().default(sql`'user-' || substr(md5(gen_random_uuid()::text), 1, 10)`),
    email: text("email").notNull(),
    emailVerified: boolean("email_verified").notNull().default(false),
    image: text("image"),
    role: userRole("role").notNull().default("user"),
    // Set by an admin: no sign-in, no API key, its sessions are gone (packages/auth/src/account-admin.ts).
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    // An admin set a one-time password: the account must choose its own before using the site.
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`),
    uniqueIndex("users_username_idx").on(t.username),
    check("users_username_handle", sql`${t.username} ~ '^[a-z0-9][a-z0-9_-]{1,29}$'`),
  ],
);
