import type { Caller } from "@wallpaperdb/auth/roles";
import { AppError } from "@wallpaperdb/core/errors";
import { accountSettings, type Executor, tags } from "@wallpaperdb/db";
import type { Purity } from "@wallpaperdb/db/purity";
import type { SortOrder } from "@wallpaperdb/search/query";
import { didYouMeanAll, resolveTagNames } from "@wallpaperdb/tags";
import { eq, inArray } from "drizzle-orm";
import {
  type AccountSettings,
  defaultSettings,
  defaultSortOrders,
  type SettingsPatch,
  settingsPatch,
  TILE_SIZES,
  type TileSize,
  withPublicPurity,
} from "./settings-shape.ts";

type SettingsRow = typeof accountSettings.$inferSelect;

async function loadRow(db: Executor, userId: string): Promise<SettingsRow | null> {
  const [row] = await db.select().from(accountSettings).where(eq(accountSettings.userId, userId)).limit(1);
  return row ?? null;
}

/** An account's settings (the defaults when it never saved any), blacklisted tags with their names. */
export async function getAccountSettings(db: Executor, caller: Pick<Caller, "id">): Promise<AccountSettings> {
  const row = await loadRow(db, caller.id);
  if (!row) return defaultSettings;
  // A tag merged away since (its id gone) simply drops out of the list.
  const named =
    row.blacklistTagIds.length === 0
      ? []
      : await db
          .select({ id: tags.id, name: tags.name })
          .from(tags)
          .where(inArray(tags.id, row.blacklistTagIds));
  return {
    purities: withPublicPurity(row.purities),
    blacklist: row.blacklistTagIds.flatMap((id) => named.filter((tag) => tag.id === id)),
    minResolution:
      row.minWidth !== null && row.minHeight !== null ? { width: row.minWidth, height: row.minHeight } : null,
    ratios: row.ratios,
    tileSize: TILE_SIZES.find((size) => size === row.tileSize) ?? null,
    defaultSort: defaultSortOrders.find((order) => order === row.defaultSort) ?? null,
  };
}

/**
 * Saves a change to an account's settings (one upsert). Blacklisted names resolve through aliases to
 * their canonical tags; a name that is no tag is refused with the names, so the form can say which.
 */
export async function updateAccountSettings(
  db: Executor,
  caller: Pick<Caller, "id">,
  patch: SettingsPatch,
): Promise<AccountSettings> {
  const change = settingsPatch.parse(patch);
  const values: Partial<typeof accountSettings.$inferInsert> = {};
  if (change.purities) values.purities = withPublicPurity(change.purities) satisfies Purity[];
  if (change.blacklist) values.blacklistTagIds = await blacklistIds(db, change.blacklist);
  if (change.minResolution !== undefined) {
    values.minWidth = change.minResolution?.width ?? null;
    values.minHeight = change.minResolution?.height ?? null;
  }
  if (change.ratios) values.ratios = change.ratios;
  if (change.tileSize !== undefined) values.tileSize = change.tileSize satisfies TileSize | null;
  if (change.defaultSort !== undefined) values.defaultSort = change.defaultSort satisfies SortOrder | null;
  await db
    .insert(accountSettings)
    .values({ userId: caller.id, ...values })
    .onConflictDoUpdate({ target: accountSettings.userId, set: { ...values, updatedAt: new Date() } });
  return getAccountSettings(db, caller);
}

async function blacklistIds(db: Executor, names: readonly string[]): Promise<number[]> {
  if (names.length === 0) return [];
  const resolved = await resolveTagNames(db, names);
  if (resolved.unknown.length > 0) {
    // Each unknown name with its close names (didYouMean), so the form can offer the one meant.
    const answers = await didYouMeanAll(db, resolved.unknown, 3);
    const suggestions = Object.fromEntries(
      answers.map((answer) => [answer.name, answer.suggestions.map((hit) => hit.name)]),
    );
    const described = answers.map((answer) =>
      answer.suggestions[0] ? `${answer.name} (did you mean ${answer.suggestions[0].name}?)` : answer.name,
    );
    throw new AppError("validation_failed", `No tag is called ${resolved.unknown.join(", ")}.`, {
      reason: "unknown_tags",
      unknown: resolved.unknown,
      suggestions,
      fieldErrors: { blacklist: [`Unknown tags: ${described.join(", ")}`] },
    });
  }
  return resolved.tagIds;
}
