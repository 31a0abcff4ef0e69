import { describe, expect, it } from "vitest";
import { type Moderation, mayChangeWallpaper, mayViewWallpaper } from "./access.ts";

const owner = { id: "owner", role: "user" } as const;
const callers = {
  anonymous: null,
  stranger: { id: "stranger", role: "user" },
  owner,
  curator: { id: "curator", role: "curator" },
  admin: { id: "admin", role: "admin" },
} as const;

function table(rule: (caller: (typeof callers)[keyof typeof callers]) => boolean) {
  return Object.fromEntries(Object.entries(callers).map(([who, caller]) => [who, rule(caller)]));
}

describe("who may see a wallpaper", () => {
  it("an approved one: everyone, also anonymous callers", () => {
    const wallpaper = { moderation: "approved" as const, uploaderId: owner.id, purity: "sfw" as const };
    expect(Object.values(table((caller) => mayViewWallpaper(wallpaper, caller)))).not.toContain(false);
  });

  for (const moderation of ["pending", "rejected"] satisfies Moderation[]) {
    it(`a ${moderation} one: only its uploader and curators/admins`, () => {
      const wallpaper = { moderation, uploaderId: owner.id, purity: "sfw" as const };
      expect(table((caller) => mayViewWallpaper(wallpaper, caller))).toEqual({
        anonymous: false,
        stranger: false,
        owner: true,
        curator: true,
        admin: true,
      });
    });
  }

  for (const purity of ["sketchy", "nsfw"] as const) {
    it(`an approved ${purity} one: every account, never an anonymous visitor`, () => {
      const wallpaper = { moderation: "approved" as const, uploaderId: owner.id, purity };
      expect(table((caller) => mayViewWallpaper(wallpaper, caller))).toEqual({
        anonymous: false,
        stranger: true,
        owner: true,
        curator: true,
        admin: true,
      });
    });
  }

  it("an anonymous upload held back: only curators/admins (no uploader to recognize)", () => {
    const wallpaper = { moderation: "pending" as const, uploaderId: null, purity: "sfw" as const };
    expect(table((caller) => mayViewWallpaper(wallpaper, caller))).toEqual({
      anonymous: false,
      stranger: false,
      owner: false,
      curator: true,
      admin: true,
    });
  });
});

describe("who may change (tag, delete) a wallpaper", () => {
  it("its uploader and curators/admins, whatever its moderation", () => {
    expect(table((caller) => mayChangeWallpaper({ uploaderId: owner.id }, caller))).toEqual({
      anonymous: false,
      stranger: false,
      owner: true,
      curator: true,
      admin: true,
    });
  });

  it("an anonymous upload: only curators/admins", () => {
    expect(table((caller) => mayChangeWallpaper({ uploaderId: null }, caller))).toEqual({
      anonymous: false,
      stranger: false,
      owner: false,
      curator: true,
      admin: true,
    });
  });
});
