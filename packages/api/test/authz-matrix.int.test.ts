import { randomBytes, randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import { type Caller, createApiKey, createAuthServices, loadAuthSettings } from "@wallpaperdb/auth";
import { users, wallpapers } from "@wallpaperdb/db";
import { proposeTagRequest } from "@wallpaperdb/tags";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter, createCaller, createTRPCContext } from "../src/index.ts";
import { restOperations } from "../src/rest/index.ts";
import { wallhavenApi } from "../src/wallhaven/index.ts";
import { restCallFor, restRequest } from "./rest-client.ts";
import { seedUsers } from "./seed-users.ts";
import { openUploadHarness, type UploadHarness } from "./upload-harness.ts";

type Who = "anonymous" | "user" | "apiKey" | "curator" | "admin";
type Outcome = "ok" | "unauthorized" | "forbidden";
const everyone: readonly Who[] = ["anonymous", "user", "apiKey", "curator", "admin"];

// The API key belongs to `owner`, a plain user who owns the fixture wallpaper and upload: it must act
// as that owner (allowed on their objects, refused as a plain user elsewhere).
const people = {
  user: { id: "matrix_user", role: "user" },
  owner: { id: "matrix_owner", role: "user" },
  curator: { id: "matrix_curator", role: "curator" },
  admin: { id: "matrix_admin", role: "admin" },
} satisfies Record<string, Pick<Caller, "id" | "role">>;

let h: UploadHarness;
let ownerKey = "";
// The REST run signs in with API keys only (no browser session over plain HTTP in this harness).
const restKeys: Partial<Record<Who, string>> = {};
const f = { wallpaperId: "", uploadId: "", tagId: 0, otherTagId: 0, auditId: 0, collectionId: "" };
// collection.delete gets a fresh collection of the owner per call: an allowed call deletes it.
const deletableCollections: string[] = [];
const nextCollection = () => {
  const id = deletableCollections.pop();
  if (!id) throw new Error("the matrix ran out of deletable fixture collections");
  return id;
};
// wallpaper.delete gets a fresh owned wallpaper per call: an allowed call deletes it.
const deletable: string[] = [];
const nextDeletable = () => {
  const id = deletable.pop();
  if (!id) throw new Error("the matrix ran out of deletable fixture wallpapers");
  return id;
};

// tagRequest.withdraw gets a fresh pending request of the owner per call: an allowed call withdraws it.
const withdrawable: number[] = [];
const nextRequest = () => {
  const id = withdrawable.pop();
  if (!id) throw new Error("the matrix ran out of fixture tag requests");
  return id;
};

const matrixKeep = () => {
  const copy = randomUUID();
  return { memberIds: [f.wallpaperId, copy], version: "matrix", keepId: f.wallpaperId, rejectIds: [copy] };
};

type Rule = "public" | "signedIn" | "curator" | "admin" | Partial<Record<Who, Outcome>>;
const byRule: Record<Exclude<Rule, object>, Record<Who, Outcome>> = {
  public: { anonymous: "ok", user: "ok", apiKey: "ok", curator: "ok", admin: "ok" },
  signedIn: { anonymous: "unauthorized", user: "ok", apiKey: "ok", curator: "ok", admin: "ok" },
  curator: { anonymous: "unauthorized", user: "forbidden", apiKey: "forbidden", curator: "ok", admin: "ok" },
  admin: {
    anonymous: "unauthorized",
    user: "forbidden",
    apiKey: "forbidden",
    curator: "forbidden",
    admin: "ok",
  },
};
const ownerOnly = {
  anonymous: "unauthorized",
  user: "forbidden",
  apiKey: "ok",
  curator: "forbidden",
  admin: "forbidden",
} as const;

/** Every procedure of appRouter must be listed: a new one without an entry fails the test. */
const matrix: Record<string, { rule: Rule; input?: () => unknown }> = {
  "account.me": { rule: "public" },
  "account.apiKeys.list": { rule: "signedIn" },
  // A leaked key must not mint keys that outlive it.
  "account.apiKeys.create": {
    rule: { ...byRule.signedIn, apiKey: "forbidden" },
    input: () => ({ name: "matrix" }),
  },
  "account.apiKeys.revoke": { rule: "signedIn", input: () => ({ keyId: randomUUID() }) },
  "account.admin.users.list": { rule: "admin", input: () => ({}) },
  "account.admin.users.setRole": { rule: "admin", input: () => ({ userId: people.user.id, role: "user" }) },
  "account.admin.users.setDisabled": {
    rule: "admin",
    input: () => ({ userId: people.user.id, disabled: false }),
  },
  // Allowed for admins (this harness has no better-auth, so it ends as dependency_unavailable).
  "account.admin.users.setOneTimePassword": { rule: "admin", input: () => ({ userId: people.user.id }) },
  "account.setUsername": {
    rule: "signedIn",
    input: () => ({ username: `matrix-${randomBytes(3).toString("hex")}` }),
  },
  // Only from a browser session, and only with the password (account-basics.int.test.ts); here the
  // allowed callers stop at the missing better-auth (dependency_unavailable), before anything is deleted.
  "account.delete": {
    rule: { ...byRule.signedIn, apiKey: "forbidden" },
    input: () => ({ password: "matrix password", uploads: "keep" }),
  },
  "admin.moderation.queue": { rule: "curator", input: () => ({}) },
  // Rejected then approved again, so the fixture wallpaper ends up visible for the entries below.
  "admin.moderation.reject": {
    rule: "curator",
    input: () => ({ wallpaperIds: [f.wallpaperId], reason: "matrix" }),
  },
  "admin.moderation.approve": { rule: "curator", input: () => ({ wallpaperIds: [f.wallpaperId] }) },
  "admin.moderation.resolveDuplicate": {
    rule: "curator",
    input: () => ({ wallpaperId: f.wallpaperId, duplicateOf: f.wallpaperId, action: "keep" }),
  },
  // The duplicate review: a decision on a made-up group (its second member does not exist) is refused
  // after authorization as duplicate_group_changed, which the matrix counts as allowed.
  "admin.duplicates.groups": { rule: "curator", input: () => ({}) },
  "admin.duplicates.keep": {
    rule: "curator",
    input: () => matrixKeep(),
  },
  "admin.duplicates.keepMany": {
    rule: "curator",
    input: () => ({
      groups: [matrixKeep()],
    }),
  },
  "admin.duplicates.dismiss": {
    rule: "curator",
    input: () => ({ memberIds: [f.wallpaperId, randomUUID()], version: "matrix" }),
  },
  "admin.jobs.summary": { rule: "curator" },
  "admin.jobs.failed": { rule: "curator", input: () => ({}) },
  "admin.jobs.retryFailed": { rule: "admin", input: () => ({}) },
  "admin.jobs.rerun": { rule: "admin", input: () => ({ step: "quality", scope: "missing" }) },
  // Collections: the fixture is the owner's public one, so others see it (forbidden to change, rather
  // than the not_found a private one answers: collections.int.test.ts).
  "collection.mine": { rule: "signedIn", input: () => ({ containing: [f.wallpaperId] }) },
  "collection.byAccount": { rule: "public", input: () => ({ userId: people.owner.id }) },
  // Authorization only: what it lists (never a private collection) is public-collections.int.test.ts.
  "collection.listPublicByUser": { rule: "public", input: () => ({ username: "nobody-here" }) },
  "collection.byId": { rule: "public", input: () => ({ collectionId: f.collectionId }) },
  "collection.items": { rule: "public", input: () => ({ collectionId: f.collectionId }) },
  "collection.create": { rule: "signedIn", input: () => ({ name: "matrix" }) },
  "collection.update": { rule: ownerOnly, input: () => ({ collectionId: f.collectionId, name: "matrix" }) },
  "collection.delete": { rule: ownerOnly, input: () => ({ collectionId: nextCollection() }) },
  "collection.add": {
    rule: ownerOnly,
    input: () => ({ collectionId: f.collectionId, wallpaperIds: [f.wallpaperId] }),
  },
  "collection.remove": {
    rule: ownerOnly,
    input: () => ({ collectionId: f.collectionId, wallpaperIds: [randomUUID()] }),
  },
  "collection.move": {
    rule: ownerOnly,
    input: () => ({ collectionId: f.collectionId, wallpaperId: f.wallpaperId, afterId: null }),
  },
  // Any account keeps what it can see (here a public wallpaper); the list is always the caller's own.
  "favorite.among": { rule: "public", input: () => ({ wallpaperIds: [f.wallpaperId] }) },
  "favorite.state": { rule: "public", input: () => ({ wallpaperId: f.wallpaperId }) },
  "favorite.set": { rule: "signedIn", input: () => ({ wallpaperId: f.wallpaperId, favorite: true }) },
  "favorite.list": { rule: "signedIn", input: () => ({}) },
  // Counting a view is open to everyone who may see the wallpaper (anonymous visitors are most views).
  "popularity.view": { rule: "public", input: () => ({ wallpaperId: f.wallpaperId }) },
  health: { rule: "public" },
  // Public profiles; an unknown (or disabled) name is not_found, which counts as allowed here.
  "user.byUsername": { rule: "public", input: () => ({ username: "nobody-here" }) },
  "progress.wallpaper": { rule: "public", input: () => ({ wallpaperId: f.wallpaperId }) },
  "system.overview": { rule: "curator" },
  // Anyone may ask whether they may upload; the answer itself is checked in "upload.settings" below.
  "upload.settings": { rule: "public" },
  "upload.check": { rule: "signedIn", input: () => ({ sha256: ["0".repeat(64)] }) },
  "upload.create": { rule: "signedIn", input: () => ({ filename: "a.png", size: 100 }) },
  // Object level: an upload is its uploader's only, whatever the role.
  "upload.complete": { rule: ownerOnly, input: () => ({ uploadId: f.uploadId }) },
  "upload.byId": { rule: ownerOnly, input: () => ({ uploadId: f.uploadId }) },
  "tag.autocomplete": { rule: "public", input: () => ({ prefix: "mat" }) },
  "tag.list": { rule: "public", input: () => ({}) },
  "tag.byName": { rule: "public", input: () => ({ name: "matrix_one" }) },
  "tag.resolve": { rule: "public", input: () => ({ name: "Matrix One" }) },
  "tag.categories": { rule: "public" },
  // Public, but actors (and, for tag.history, hidden wallpapers) only for curators: "history" below.
  "tag.history": { rule: "public", input: () => ({ tagId: f.tagId }) },
  "tag.create": { rule: "curator", input: () => ({ name: `matrix_new_${randomBytes(3).toString("hex")}` }) },
  "tag.update": { rule: "curator", input: () => ({ tagId: f.tagId, description: "d" }) },
  "tag.rename": { rule: "curator", input: () => ({ tagId: f.tagId, name: "matrix_one" }) },
  "tag.previewMerge": { rule: "curator", input: () => ({ sourceId: f.otherTagId, targetId: f.tagId }) },
  "tag.merge": { rule: "curator", input: () => ({ sourceId: f.otherTagId, targetId: f.tagId }) },
  "tag.alias.add": { rule: "curator", input: () => ({ alias: "matrix_alias", tag: "matrix_one" }) },
  "tag.alias.remove": { rule: "curator", input: () => ({ alias: "matrix_alias" }) },
  "tag.alias.list": { rule: "public", input: () => ({}) },
  "tag.implication.add": {
    rule: "curator",
    input: () => ({ antecedent: "matrix_one", consequent: "matrix_three" }),
  },
  "tag.implication.remove": {
    rule: "curator",
    input: () => ({ antecedent: "matrix_one", consequent: "matrix_three" }),
  },
  "tag.implication.list": { rule: "public", input: () => ({}) },
  // The visitor's tag pages (router/tag-pages.ts): all public, wallpapers within the viewer's scope.
  "tagPage.byName": { rule: "public", input: () => ({ name: "matrix_one" }) },
  "tagPage.index": { rule: "public", input: () => ({ sort: "newest" }) },
  "tagPage.didYouMean": { rule: "public", input: () => ({ names: ["matrix_onee"] }) },
  // Tag requests (router/tag-request.ts): anyone reads them; a member proposes and withdraws their own;
  // a curator decides (an unknown request is not_found after authorization, which counts as allowed).
  "tagRequest.list": { rule: "public", input: () => ({}) },
  "tagRequest.mine": { rule: "signedIn", input: () => ({}) },
  "tagRequest.propose": {
    rule: "signedIn",
    input: () => ({
      kind: "alias",
      antecedent: `matrix_req_${randomBytes(3).toString("hex")}`,
      consequent: "matrix_one",
      reason: "matrix",
    }),
  },
  "tagRequest.withdraw": { rule: ownerOnly, input: () => ({ requestId: nextRequest() }) },
  "tagRequest.approve": { rule: "curator", input: () => ({ requestId: 999_999 }) },
  "tagRequest.reject": { rule: "curator", input: () => ({ requestId: 999_999, note: "matrix" }) },
  "wallpaper.byId": { rule: "public", input: () => ({ wallpaperId: f.wallpaperId }) },
  // The detail page's view model; a hidden wallpaper is not_found through it (wallpaper-visibility test).
  "wallpaper.view": { rule: "public", input: () => ({ wallpaperId: f.wallpaperId }) },
  // Gallery search (router/search.ts): public; not_found (no visible wallpaper here) counts as allowed.
  "wallpaper.search": { rule: "public", input: () => ({ q: "matrix_one sort:quality" }) },
  "wallpaper.similar": { rule: "public", input: () => ({ wallpaperId: f.wallpaperId }) },
  "wallpaper.random": { rule: "public", input: () => ({ q: "matrix_one" }) },
  "wallpaper.tags": { rule: "public", input: () => ({ wallpaperId: f.wallpaperId }) },
  // Object level: the uploader (here through their API key) or a curator; not another user.
  "wallpaper.setTags": {
    rule: { anonymous: "unauthorized", user: "forbidden", apiKey: "ok", curator: "ok", admin: "ok" },
    input: () => ({ wallpaperId: f.wallpaperId, add: ["matrix_one"] }),
  },
  // Object level like tagging: the uploader (here through their API key) or a curator; audited.
  "wallpaper.setPurity": {
    rule: { anonymous: "unauthorized", user: "forbidden", apiKey: "ok", curator: "ok", admin: "ok" },
    input: () => ({ wallpaperId: f.wallpaperId, purity: "sfw" }),
  },
  // The caller's own settings only (an API key acts as its owner).
  "settings.get": { rule: "signedIn" },
  "settings.update": { rule: "signedIn", input: () => ({ tileSize: "small" }) },
  "wallpaper.delete": {
    rule: { anonymous: "unauthorized", user: "forbidden", apiKey: "ok", curator: "ok", admin: "ok" },
    input: () => ({ wallpaperId: nextDeletable() }),
  },
  "wallpaper.bulkTag": {
    rule: "curator",
    input: () => ({ target: { wallpaperIds: [f.wallpaperId] }, add: ["matrix_one"] }),
  },
  // Public like the wallpaper; who made each change only for curators: "history" below.
  "wallpaper.tagHistory": { rule: "public", input: () => ({ wallpaperId: f.wallpaperId }) },
  "wallpaper.revertTagChange": { rule: "curator", input: () => ({ auditId: f.auditId }) },
  "wallpaper.suggestTags": { rule: "public", input: () => ({ wallpaperId: f.wallpaperId }) },
};

async function callerFor(who: Who) {
  const headers = new Headers(who === "apiKey" ? { authorization: `Bearer ${ownerKey}` } : {});
  const ctx = await createTRPCContext({ headers, deps: h.deps });
  if (who === "apiKey" || who === "anonymous") return createCaller(ctx);
  return createCaller({ ...ctx, user: { ...people[who], via: "session" } });
}

/** Resolves a dotted path on the caller and calls it; a domain refusal after authorization counts as ok. */
async function outcome(who: Who, path: string, input: unknown): Promise<string> {
  const caller = await callerFor(who);
  let target: unknown = caller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  try {
    await (target as (input: unknown) => Promise<unknown>)(input);
    return "ok";
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "UNAUTHORIZED") return "unauthorized";
    if (code === "FORBIDDEN") return "forbidden";
    // A wrong fixture must not pass as "allowed": bad input and crashes are reported as such.
    if (code === "BAD_REQUEST" || code === "INTERNAL_SERVER_ERROR")
      return `${code}: ${(error as Error).message}`;
    return "ok";
  }
}

beforeAll(async () => {
  h = await openUploadHarness();
  // Accounts are on: this server refuses anonymous uploads (the default).
  h.deps = {
    ...h.deps,
    ingest: { ...h.services, settings: { ...h.services.settings, allowAnonymousUploads: false } },
  };
  const { db } = h.deps;
  await seedUsers(db, Object.values(people));
  ownerKey = (await createApiKey(db, people.owner.id, "matrix")).key;
  restKeys.apiKey = ownerKey;
  for (const who of ["user", "curator", "admin"] as const) {
    restKeys[who] = (await createApiKey(db, people[who].id, "matrix rest")).key;
  }
  const owned = () => ({
    sha256: randomBytes(32).toString("hex"),
    mediaType: "image" as const,
    mimeType: "image/png",
    originalKey: "originals/matrix",
    sizeBytes: 1,
    width: 10,
    height: 10,
    uploaderId: people.owner.id,
    // Public (processed, approved), so object-level refusals show as forbidden rather than not_found.
    processedAt: new Date(),
  });
  const [row, ...spare] = await db
    .insert(wallpapers)
    .values(Array.from({ length: 9 }, owned))
    .returning({ id: wallpapers.id });
  f.wallpaperId = row?.id ?? "";
  deletable.push(...spare.map((w) => w.id));
  const admin = await callerFor("admin");
  const owner = await callerFor("apiKey");
  f.uploadId = (await owner.upload.create({ filename: "mine.png", size: 1234 })).uploadId;
  f.tagId = (await admin.tag.create({ name: "matrix_one" })).id;
  f.otherTagId = (await admin.tag.create({ name: "matrix_two" })).id;
  await admin.tag.create({ name: "matrix_three" });
  await admin.wallpaper.setTags({ wallpaperId: f.wallpaperId, add: ["matrix_three"] });
  f.collectionId = (await owner.collection.create({ name: "matrix", isPublic: true })).id;
  await owner.collection.add({ collectionId: f.collectionId, wallpaperIds: [f.wallpaperId] });
  // Twelve: the tRPC run and the REST run below each delete up to five.
  for (let index = 0; index < 12; index += 1) {
    deletableCollections.push(
      (await owner.collection.create({ name: `matrix ${index}`, isPublic: true })).id,
    );
  }
  for (let index = 0; index < 6; index += 1) {
    const request = await proposeTagRequest(
      db,
      { kind: "alias", antecedent: `matrix_withdraw_${index}`, consequent: "matrix_one", reason: "matrix" },
      people.owner.id,
    );
    withdrawable.push(request.id);
  }
  const history = await admin.wallpaper.tagHistory({ wallpaperId: f.wallpaperId });
  f.auditId = Number(
    (history as unknown as { entries?: { id: number }[] }).entries?.[0]?.id ?? history[0]?.id ?? 1,
  );
});
afterAll(async () => {
  await h?.close();
});

describe("authorization matrix: every procedure × every kind of caller", () => {
  it("has an entry for every procedure in appRouter", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(matrix).sort()).toEqual(procedures);
  });

  for (const [path, entry] of Object.entries(matrix)) {
    it(path, async () => {
      const expected = typeof entry.rule === "string" ? byRule[entry.rule] : entry.rule;
      const actual: Record<string, string> = {};
      for (const who of everyone) actual[who] = await outcome(who, path, entry.input?.());
      expect(actual).toEqual(expected);
    });
  }
});

/** The same reading of a REST answer as `outcome` gives a procedure's. */
async function restOutcome(
  who: Who,
  operation: (typeof restOperations)[number],
  input: unknown,
): Promise<string> {
  const call = restCallFor(operation, (input ?? {}) as Record<string, unknown>);
  const response = await restRequest(h.deps, operation.method, call.path, { ...call, apiKey: restKeys[who] });
  if (response.status === 401) return "unauthorized";
  if (response.status === 403) return "forbidden";
  if (response.status === 400 || response.status >= 500) {
    const problem = (await response.json()) as { code: string; detail: string };
    return `${problem.code}: ${problem.detail}`;
  }
  return "ok";
}

describe("authorization matrix over REST: each route allows and refuses exactly as its procedure", () => {
  for (const operation of restOperations) {
    it(`${operation.method} ${operation.path} = ${operation.procedure}`, async () => {
      const entry = matrix[operation.procedure];
      if (!entry) throw new Error(`no matrix entry for ${operation.procedure}`);
      const expected = typeof entry.rule === "string" ? byRule[entry.rule] : entry.rule;
      const actual: Record<string, string> = {};
      for (const who of everyone) actual[who] = await restOutcome(who, operation, entry.input?.());
      expect(actual).toEqual(expected);
    });
  }
});

describe("upload.settings answers what upload.create will do for the same caller", () => {
  for (const who of everyone) {
    it(who, async () => {
      const { mayUpload } = await (await callerFor(who)).upload.settings();
      const created = await outcome(who, "upload.create", { filename: "a.png", size: 100 });
      expect(mayUpload).toBe(created === "ok");
      expect(mayUpload).toBe(who !== "anonymous");
    });
  }
});

describe("history: who made a change is shown to curators and admins only", () => {
  const ownIdOf: Record<Who, string | null> = {
    anonymous: null,
    user: people.user.id,
    apiKey: people.owner.id,
    curator: people.curator.id,
    admin: people.admin.id,
  };
  for (const who of everyone) {
    it(who, async () => {
      const caller = await callerFor(who);
      const lists = [
        await caller.wallpaper.tagHistory({ wallpaperId: f.wallpaperId }),
        await caller.tag.history({ tagId: f.tagId }),
      ];
      for (const entries of lists) {
        expect(entries.length).toBeGreaterThan(0);
        const actors = new Set(entries.map((entry) => entry.actorId));
        if (who === "curator" || who === "admin") {
          // The admin set the fixture's first tags: curators see their id and name.
          expect(entries).toContainEqual(
            expect.objectContaining({ actorId: people.admin.id, actorName: people.admin.id }),
          );
        } else {
          // Nobody else's account: at most the caller's own changes keep their actor.
          for (const actor of actors) expect([null, ownIdOf[who]]).toContain(actor);
          for (const entry of entries) if (entry.actorId === null) expect(entry.actorName, who).toBeNull();
        }
      }
    });
  }
});

describe("purity: a visitor sees sfw only; an account opens any, and lists what its settings opt in to", () => {
  // What each caller gets for an nsfw wallpaper: its record, and whether the default search lists it.
  const expected: Record<Who, { record: boolean; listed: boolean }> = {
    anonymous: { record: false, listed: false },
    user: { record: true, listed: false },
    apiKey: { record: true, listed: true }, // the owner opted in to nsfw in its settings (below)
    curator: { record: true, listed: false },
    admin: { record: true, listed: false },
  };
  let nsfwId = "";
  beforeAll(async () => {
    const [row] = await h.deps.db
      .insert(wallpapers)
      .values({
        sha256: randomBytes(32).toString("hex"),
        mediaType: "image",
        mimeType: "image/png",
        originalKey: "originals/matrix-nsfw",
        sizeBytes: 1,
        width: 10,
        height: 10,
        uploaderId: people.admin.id,
        processedAt: new Date(),
        purity: "nsfw",
      })
      .returning({ id: wallpapers.id });
    nsfwId = row?.id ?? "";
    await (await callerFor("apiKey")).settings.update({ purities: ["sketchy", "nsfw"] });
  });
  for (const who of everyone) {
    it(who, async () => {
      const caller = await callerFor(who);
      const record = await caller.wallpaper.byId({ wallpaperId: nsfwId }).then(
        () => true,
        (error: { code?: string }) => (error.code === "NOT_FOUND" ? false : Promise.reject(error)),
      );
      const listedIds = async (q: string) =>
        (await caller.wallpaper.search({ q, limit: 100 })).items.map((item) => item.id);
      expect({ record, listed: (await listedIds("")).includes(nsfwId) }).toEqual(expected[who]);
      // Asking for it by purity never widens what the caller may see.
      expect((await listedIds("purity:nsfw")).includes(nsfwId)).toBe(expected[who].listed);
    });
  }
});

describe("inputs are strict", () => {
  for (const [path, entry] of Object.entries(matrix)) {
    if (!entry.input) continue;
    it(`${path} rejects role and ownerId`, async () => {
      const input = { ...(entry.input?.() as object), role: "admin", ownerId: people.admin.id };
      expect(await outcome("admin", path, input)).toMatch(/^BAD_REQUEST/);
    });
  }
});

describe("roles and limits", () => {
  it("never demotes the last admin", async () => {
    const admin = await callerFor("admin");
    await expect(
      admin.account.admin.users.setRole({ userId: people.admin.id, role: "user" }),
    ).rejects.toMatchObject({
      cause: { code: "conflict" },
    });
    const promoted = await admin.account.admin.users.setRole({ userId: people.curator.id, role: "admin" });
    expect(promoted.role).toBe("admin");
    await admin.account.admin.users.setRole({ userId: people.curator.id, role: "curator" });
  });

  it("limits upload.create per user and answers rate_limited with a retry time", async () => {
    const auth = createAuthServices({
      db: h.deps.db,
      settings: loadAuthSettings({ UPLOAD_RATE_LIMIT_PER_MINUTE: "2" }),
      logger: h.deps.logger,
    });
    await seedUsers(h.deps.db, [{ id: "matrix_limited" }, { id: "matrix_unlimited" }]);
    const ctx = await createTRPCContext({ headers: new Headers(), deps: { ...h.deps, auth } });
    const user = createCaller({ ...ctx, user: { id: "matrix_limited", role: "user", via: "session" } });
    await user.upload.create({ filename: "1.png", size: 10 });
    await user.upload.create({ filename: "2.png", size: 10 });
    const refused = user.upload.create({ filename: "3.png", size: 10 });
    await expect(refused).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      cause: { code: "rate_limited", details: { retryAfterSeconds: expect.any(Number) } },
    });
    // Another account is counted on its own.
    const other = createCaller({ ...ctx, user: { id: "matrix_unlimited", role: "user", via: "session" } });
    await expect(other.upload.create({ filename: "4.png", size: 10 })).resolves.toMatchObject({
      uploadId: expect.any(String),
    });
  });
});

describe("authorization matrix: every wallhaven API v1 route (/api/v1) × every kind of caller", () => {
  // The wallhaven surface knows API keys only (cookies are dropped), so its callers are: none, the
  // owner's key (as X-API-Key), and a key that is not valid. Statuses as wallhaven answers them.
  type HttpWho = "anonymous" | "apiKey" | "badKey";
  const routes: Record<
    string,
    { call: (request: Request) => Promise<Response>; expected: Record<HttpWho, number> }
  > = {
    "search/route.ts": {
      call: (request) => wallhavenApi.search(h.deps, request, "https://matrix.example"),
      expected: { anonymous: 200, apiKey: 200, badKey: 401 },
    },
    "w/[id]/route.ts": {
      call: (request) => wallhavenApi.wallpaper(h.deps, request, f.wallpaperId, "https://matrix.example"),
      expected: { anonymous: 200, apiKey: 200, badKey: 401 },
    },
    "tag/[id]/route.ts": {
      call: (request) => wallhavenApi.tag(h.deps, request, String(f.tagId)),
      expected: { anonymous: 200, apiKey: 200, badKey: 401 },
    },
    "settings/route.ts": {
      call: (request) => wallhavenApi.settings(h.deps, request),
      expected: { anonymous: 401, apiKey: 200, badKey: 401 },
    },
    "collections/[[...path]]/route.ts": {
      call: (request) => wallhavenApi.collections(h.deps, request, [], "https://matrix.example"),
      expected: { anonymous: 401, apiKey: 200, badKey: 401 },
    },
    "collections/[[...path]]/route.ts <username>": {
      call: async (request) =>
        wallhavenApi.collections(h.deps, request, [await ownerName()], "https://matrix.example"),
      expected: { anonymous: 200, apiKey: 200, badKey: 401 },
    },
    "collections/[[...path]]/route.ts <username>/<id>": {
      call: async (request) =>
        wallhavenApi.collections(
          h.deps,
          request,
          [await ownerName(), f.collectionId],
          "https://matrix.example",
        ),
      expected: { anonymous: 200, apiKey: 200, badKey: 401 },
    },
  };
  const ownerName = async () =>
    (await h.deps.db.select({ username: users.username }).from(users).where(eq(users.id, people.owner.id)))[0]
      ?.username ?? "";
  let address = 0;
  const request = (who: HttpWho) => {
    const headers = new Headers({ "x-forwarded-for": `198.51.100.${(address++ % 250) + 1}` });
    if (who === "apiKey") headers.set("x-api-key", ownerKey);
    if (who === "badKey") headers.set("x-api-key", "wpdb_not_a_key");
    return new Request("https://matrix.example/api/v1/x", { headers });
  };

  it("has an entry for every route file under apps/web/src/app/api/v1", async () => {
    const root = new URL("../../../apps/web/src/app/api/v1/", import.meta.url);
    const files = (await readdir(root, { recursive: true }))
      .filter((file) => file.endsWith("route.ts"))
      .sort();
    const listed = [...new Set(Object.keys(routes).map((name) => name.split(" ")[0]))].sort();
    expect(listed).toEqual(files);
  });

  for (const [name, route] of Object.entries(routes)) {
    it(name, async () => {
      const actual: Record<string, number> = {};
      for (const who of ["anonymous", "apiKey", "badKey"] as const)
        actual[who] = (await route.call(request(who))).status;
      expect(actual).toEqual(route.expected);
    });
  }
});
