import { isValidUsername } from "@wallpaperdb/auth/username";
import { z } from "zod";

/**
 * `uploader:<username>`: the wallpapers one account uploaded (its `/users/<username>` page is this
 * search). The handle rule is the accounts' own (`@wallpaperdb/auth/username`); the name is resolved
 * to the account when the search runs (src/uploader.ts), so an unknown name simply matches nothing.
 */
export const uploaderField = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isValidUsername, "an account name: 2-30 lower-case letters, digits, - or _");

export const uploaderFilter = {
  repeatable: false,
  apply(value: string, draft: { uploader?: string | undefined }): string | null {
    const handle = value.toLowerCase();
    if (!isValidUsername(handle)) return "uploader takes an account name such as uploader:ada-lovelace";
    draft.uploader = handle;
    return null;
  },
};
