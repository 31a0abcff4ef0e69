import type { AccountSettings } from "@wallpaperdb/wallpapers/settings-shape";
import { caller } from "~/trpc/server.tsx";

/** The signed-in account's settings for a server-rendered page, or null for a visitor. */
export async function loadAccountSettings(): Promise<AccountSettings | null> {
  const me = await caller.account.me();
  return me ? caller.settings.get() : null;
}
