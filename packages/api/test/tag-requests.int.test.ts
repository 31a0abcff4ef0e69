import type { Caller } from "@wallpaperdb/auth";
import { rateLimits, users } from "@wallpaperdb/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TAG_REQUESTS_PER_HOUR } from "../src/router/tag-request.ts";
import { callerAs, insertWallpaperRow } from "./callers.ts";
import { type Harness, openHarness } from "./harness.ts";
import { seedUsers } from "./seed-users.ts";

let h: Harness;
const people = {
  member: { id: "treq_member", role: "user" },
  other: { id: "treq_other", role: "user" },
  curator: { id: "treq_curator", role: "curator" },
} satisfies Record<string, Pick<Caller, "id" | "role">>;
const as = (who: keyof typeof people | null) => callerAs(h.deps, who ? people[who] : null);

/** The stable code and reason of a refusal, "ok" otherwise. */
async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "ok";
  } catch (error) {
    const cause = (error as { cause?: { code?: string; details?: { reason?: string } } }).cause;
    return [cause?.code, cause?.details?.reason].filter(Boolean).join("/") || String(error);
  }
}

beforeAll(async () => {
  h = await openHarness();
  await seedUsers(h.deps.db, Object.values(people));
  for (const person of Object.values(people))
    await h.deps.db
      .update(users)
      .set({ username: person.id.replace("_", "-") })
      .where(eq(users.id, person.id));
  const curator = await as("curator");
  for (const name of ["sunset", "sky", "dusk", "evening", "forest", "tree", "moon", "night", "lake", "water"])
    await curator.tag.create({ name });
});
// Each test proposes as it needs; the limit itself is the last test's subject.
beforeEach(async () => {
  await h.deps.db.delete(rateLimits);
});
afterAll(async () => {
  await h?.close();
});

const tagsOf = async (wallpaperId: string) =>
  (await (await as("curator")).wallpaper.tags({ wallpaperId }))
    .map((tag) => `${tag.name}:${tag.sources.join("+")}`)
    .sort();

describe("approval applies the change through the one tag engine", () => {
  it("an approved implication tags wallpapers exactly as the admin editor's add does", async () => {
    const curator = await as("curator");
    const viaRequest = await insertWallpaperRow(h.deps.db, people.member.id);
    const viaEditor = await insertWallpaperRow(h.deps.db, people.member.id);
    await curator.wallpaper.setTags({ wallpaperId: viaRequest, add: ["sunset"] });
    await curator.wallpaper.setTags({ wallpaperId: viaEditor, add: ["forest"] });

    const request = await (await as("member")).tagRequest.propose({
      kind: "implication",
      antecedent: "Sunset",
      consequent: "sky",
      reason: "Every sunset shows the sky.",
    });
    expect(request).toMatchObject({ status: "pending", antecedent: "sunset", consequent: "sky" });
    const approved = await curator.tagRequest.approve({ requestId: request.id, note: "Agreed." });
    expect(approved).toMatchObject({
      status: "approved",
      decidedBy: people.curator.id,
      wallpapersChanged: 1,
    });
    await curator.tag.implication.add({ antecedent: "forest", consequent: "tree" });

    expect(await tagsOf(viaRequest)).toEqual(["sky:implied", "sunset:human"]);
    expect(await tagsOf(viaEditor)).toEqual(["forest:human", "tree:implied"]);
    // The same entries as the editor's add (the link on the tag, the wallpaper's re-derivation), plus
    // one that names the request; the curator is the actor of all of them.
    const idOf = async (name: string) => (await curator.tag.byName({ name })).id;
    const actions = async (name: string) =>
      (await curator.tag.history({ tagId: await idOf(name) })).map((e) => [
        e.action,
        e.actorId,
        e.entityType,
      ]);
    const requested = await actions("sunset");
    expect(requested[0]).toEqual(["tag.request_approved", people.curator.id, "tag"]);
    expect(requested.slice(1)).toEqual(await actions("forest"));
    // The request's entry shows on both tags, as the link itself does.
    expect(await actions("sky")).toEqual([requested[0], ...(await actions("tree"))]);
    expect(await actions("sky")).toContainEqual(["wallpaper.tags", people.curator.id, "wallpaper"]);
    const history = await curator.tag.history({ tagId: await idOf("sunset") });
    expect(history[0]?.data).toMatchObject({ requestId: request.id, kind: "implication", note: "Agreed." });
    expect(history[1]).toMatchObject({ action: "tag.implication_added" });
  });

  it("an approved alias resolves like one the editor added", async () => {
    const request = await (await as("member")).tagRequest.propose({
      kind: "alias",
      antecedent: "nightfall",
      consequent: "dusk",
      reason: "Another word for it.",
    });
    await (await as("curator")).tagRequest.approve({ requestId: request.id });
    const wallpaperId = await insertWallpaperRow(h.deps.db, people.member.id);
    await (await as("curator")).wallpaper.setTags({ wallpaperId, add: ["nightfall"] });
    expect(await tagsOf(wallpaperId)).toEqual(["dusk:human"]);
    expect(await (await as(null)).tag.alias.list({})).toContainEqual(
      expect.objectContaining({ name: "nightfall", tagName: "dusk" }),
    );
  });

  it("a rejection changes no tag and keeps the note and the curator", async () => {
    const curator = await as("curator");
    const moon = await curator.tag.byName({ name: "moon" });
    const before = await curator.tag.history({ tagId: moon.id });
    const request = await (await as("member")).tagRequest.propose({
      kind: "implication",
      antecedent: "moon",
      consequent: "night",
      reason: "The moon is out at night.",
    });
    const rejected = await curator.tagRequest.reject({ requestId: request.id, note: "Daytime moons exist." });
    expect(rejected).toMatchObject({
      status: "rejected",
      decidedBy: people.curator.id,
      note: "Daytime moons exist.",
    });
    expect(await curator.tag.implication.list({ tagId: moon.id })).toEqual([]);
    expect(await curator.tag.history({ tagId: moon.id })).toEqual(before);
    expect(await refusal(curator.tagRequest.approve({ requestId: request.id }))).toBe(
      "conflict/request_not_pending",
    );
  });

  it("an engine refusal at approval leaves the request pending with the engine's code", async () => {
    const curator = await as("curator");
    const request = await (await as("member")).tagRequest.propose({
      kind: "implication",
      antecedent: "lake",
      consequent: "water",
      reason: "Lakes are water.",
    });
    // Meanwhile a curator links the other way: approving now would close a cycle.
    await curator.tag.implication.add({ antecedent: "water", consequent: "lake" });
    expect(await refusal(curator.tagRequest.approve({ requestId: request.id }))).toBe(
      "conflict/implication_cycle",
    );
    const alias = await (await as("member")).tagRequest.propose({
      kind: "alias",
      antecedent: "evenfall",
      consequent: "evening",
      reason: "Old word.",
    });
    await curator.tag.create({ name: "evenfall" });
    expect(await refusal(curator.tagRequest.approve({ requestId: alias.id }))).toBe("conflict/alias_is_tag");
    const pending = await curator.tagRequest.list({ status: "pending" });
    expect(pending.items.map((item) => item.id)).toEqual(expect.arrayContaining([request.id, alias.id]));
    const lake = await curator.tag.byName({ name: "lake" });
    expect((await curator.tag.history({ tagId: lake.id })).map((e) => e.action)).not.toContain(
      "tag.request_approved",
    );
  });
});

describe("proposals are checked when they are made", () => {
  it("refuses unknown tags with close names, existing links, open duplicates and self links", async () => {
    const member = await as("member");
    const propose = (kind: "alias" | "implication", antecedent: string, consequent: string) =>
      member.tagRequest.propose({ kind, antecedent, consequent, reason: "test" });
    await expect(propose("implication", "sunsett", "sky")).rejects.toMatchObject({
      cause: {
        code: "not_found",
        details: { reason: "tag_not_found", suggestions: expect.arrayContaining(["sunset"]) },
      },
    });
    expect(await refusal(propose("alias", "gloaming", "no_such_tag"))).toBe("not_found/tag_not_found");
    expect(await refusal(propose("implication", "sunset", "sky"))).toBe("conflict/implication_exists");
    expect(await refusal(propose("alias", "nightfall", "dusk"))).toBe("conflict/alias_exists");
    expect(await refusal(propose("alias", "nightfall", "sky"))).toBe("conflict/alias_exists");
    expect(await refusal(propose("alias", "moon", "night"))).toBe("conflict/alias_is_tag");
    expect(await refusal(propose("alias", "gloaming", "nightfall"))).toBe("conflict/alias_chain");
    expect(await refusal(propose("implication", "sky", "sky"))).toBe("validation_failed/request_self");
    expect(await refusal(propose("implication", "nightfall", "dusk"))).toBe(
      "validation_failed/implication_self",
    );
    expect(await refusal(propose("implication", "sky", "night"))).toBe("ok");
    expect(
      await refusal(
        (await as("other")).tagRequest.propose({
          kind: "implication",
          antecedent: "Sky",
          consequent: "night",
          reason: "me too",
        }),
      ),
    ).toBe("conflict/request_duplicate");
  });
});

describe("who may do what", () => {
  it("a visitor cannot propose, a member cannot decide, only the author withdraws, and only while pending", async () => {
    const input = { kind: "implication", antecedent: "tree", consequent: "forest", reason: "r" } as const;
    expect(await refusal((await as(null)).tagRequest.propose(input))).toBe("unauthorized");
    const request = await (await as("member")).tagRequest.propose(input);
    expect(await refusal((await as("member")).tagRequest.approve({ requestId: request.id }))).toBe(
      "forbidden",
    );
    expect(await refusal((await as("other")).tagRequest.reject({ requestId: request.id }))).toBe("forbidden");
    expect(await refusal((await as("other")).tagRequest.withdraw({ requestId: request.id }))).toBe(
      "forbidden/request_not_author",
    );
    expect(await (await as("member")).tagRequest.withdraw({ requestId: request.id })).toMatchObject({
      status: "withdrawn",
      decidedBy: people.member.id,
    });
    expect(await refusal((await as("member")).tagRequest.withdraw({ requestId: request.id }))).toBe(
      "conflict/request_not_pending",
    );
    expect(await refusal((await as("curator")).tagRequest.approve({ requestId: request.id }))).toBe(
      "conflict/request_not_pending",
    );
  });

  it("the public list puts pending first and names who proposed and who decided", async () => {
    const list = await (await as(null)).tagRequest.list({});
    const statuses = list.items.map((item) => item.status);
    expect(statuses.indexOf("pending")).toBe(0);
    expect(statuses.lastIndexOf("pending")).toBeLessThan(statuses.findIndex((s) => s !== "pending"));
    expect(list.items.find((item) => item.status === "approved")).toMatchObject({
      proposedBy: { username: "treq-member" },
      decidedBy: { username: "treq-curator" },
      mine: false,
    });
    // Requests naming one tag, on either side.
    const aboutSky = await (await as(null)).tagRequest.list({ tag: "Sky" });
    expect(aboutSky.items.length).toBeGreaterThan(1);
    for (const item of aboutSky.items) expect([item.antecedent, item.consequent]).toContain("sky");
    const mine = await (await as("member")).tagRequest.mine({});
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((item) => item.mine && item.proposedBy?.username === "treq-member")).toBe(true);
  });

  it(`limits proposals to ${TAG_REQUESTS_PER_HOUR} an hour per account`, async () => {
    await seedUsers(h.deps.db, [{ id: "treq_busy" }]);
    const busy = await callerAs(h.deps, { id: "treq_busy", role: "user" });
    const outcomes: string[] = [];
    for (let index = 0; index <= TAG_REQUESTS_PER_HOUR; index += 1)
      outcomes.push(
        await refusal(
          busy.tagRequest.propose({
            kind: "alias",
            antecedent: `busy_${index}`,
            consequent: "sky",
            reason: "r",
          }),
        ),
      );
    expect(outcomes.slice(0, TAG_REQUESTS_PER_HOUR).every((o) => o === "ok")).toBe(true);
    expect(outcomes.at(-1)).toBe("rate_limited");
  });
});
