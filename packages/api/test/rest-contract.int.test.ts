import { createHash, randomUUID } from "node:crypto";
import { Validator } from "@seriousme/openapi-schema-validator";
import { TRPCError } from "@trpc/server";
import { createApiKey, createAuthServices, loadAuthSettings } from "@wallpaperdb/auth";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyError } from "../src/errors.ts";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { buildOpenApiDocument, type RestOperation, restOperations } from "../src/rest/index.ts";
import { insertWallpaperRow } from "./callers.ts";
import { type RestCall, restRequest } from "./rest-client.ts";
import { seedUsers } from "./seed-users.ts";
import { openUploadHarness, tusCreate, tusPatch, type UploadHarness } from "./upload-harness.ts";

type Who = "visitor" | "member" | "curator";
interface Example extends RestCall {
  who: Who;
  path: string;
  status: number;
  code?: string;
}

const document = buildOpenApiDocument({ serverUrl: "http://localhost" });
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

let h: UploadHarness;
const keys: Record<Who, string | undefined> = { visitor: undefined, member: "", curator: "" };
const f = {
  wallpaperId: "",
  collectionId: "",
  spareCollectionId: "",
  uploadId: "",
  completeId: "",
  sentSha256: "",
};
const missing = randomUUID();

/** The declared answer for this status (exact, else its 4XX/5XX range) and its schema. */
function declared(path: string, method: string, status: number) {
  const operation = (document.paths[path] as Record<string, { responses: Record<string, unknown> }>)[method];
  const responses = operation?.responses ?? {};
  const answer = (responses[String(status)] ?? responses[`${String(status)[0]}XX`]) as
    | { content: Record<string, { schema: Record<string, unknown> }> }
    | undefined;
  return answer;
}

function schemaOf(schema: Record<string, unknown>): Record<string, unknown> {
  return schema.$ref === "#/components/schemas/Problem" ? document.components.schemas.Problem : schema;
}

/** The input the REST call hands its procedure: path parameters, then query or body, then fixed fields. */
function procedureInputOf(operation: RestOperation, example: Example): Record<string, unknown> {
  const names = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? "");
  const pattern = new RegExp(`^${operation.path.replace(/\{[^}]+\}/g, "([^/]+)")}$`);
  const values = pattern.exec(example.path)?.slice(1) ?? [];
  const params = Object.fromEntries(
    names.map((name, index) => [name, decodeURIComponent(values[index] ?? "")]),
  );
  const sent = (operation.method === "GET" ? example.query : example.body) as
    | Record<string, unknown>
    | undefined;
  return { ...sent, ...params, ...operation.fixed };
}

/** The stable code the tRPC API gives the same caller for the same input (what its error formatter sends). */
async function trpcCodeOf(operation: RestOperation, example: Example): Promise<string> {
  const headers = new Headers(keys[example.who] ? { authorization: `Bearer ${keys[example.who]}` } : {});
  let target: unknown = createCaller(await createTRPCContext({ headers, deps: h.deps }));
  for (const part of operation.procedure.split(".")) target = (target as Record<string, unknown>)[part];
  try {
    await (target as (input: unknown) => Promise<unknown>)(procedureInputOf(operation, example));
    return "ok";
  } catch (error) {
    return error instanceof TRPCError ? classifyError(error).code : "not a TRPCError";
  }
}

/** Every operation, called as the kinds of callers it is for, with the answer each must give. */
const examples: Record<string, () => Example[]> = {
  searchWallpapers: () => [
    { who: "visitor", path: "/search", query: { q: "contract_one sort:newest", limit: 5 }, status: 200 },
    {
      who: "visitor",
      path: "/search",
      query: { q: "x", limit: "many" },
      status: 400,
      code: "validation_failed",
    },
  ],
  getRandomWallpaper: () => [
    { who: "visitor", path: "/random", query: { q: "contract_one", seed: 7 }, status: 200 },
    { who: "visitor", path: "/random", query: { q: "contract_none_zz" }, status: 404, code: "not_found" },
  ],
  getWallpaper: () => [
    { who: "visitor", path: `/wallpapers/${f.wallpaperId}`, status: 200 },
    { who: "visitor", path: `/wallpapers/${missing}`, status: 404, code: "not_found" },
    { who: "visitor", path: "/wallpapers/not-a-uuid", status: 400, code: "validation_failed" },
  ],
  getSimilarWallpapers: () => [
    { who: "member", path: `/wallpapers/${f.wallpaperId}/similar`, query: { limit: 4 }, status: 200 },
  ],
  getWallpaperTags: () => [{ who: "visitor", path: `/wallpapers/${f.wallpaperId}/tags`, status: 200 }],
  changeWallpaperTags: () => [
    {
      who: "visitor",
      path: `/wallpapers/${f.wallpaperId}/tags`,
      body: { add: ["contract_one"] },
      status: 401,
      code: "unauthorized",
    },
    {
      who: "member",
      path: `/wallpapers/${f.wallpaperId}/tags`,
      body: { add: ["contract_one"] },
      status: 200,
    },
    {
      who: "curator",
      path: `/wallpapers/${f.wallpaperId}/tags`,
      body: { remove: ["contract_none"] },
      status: 200,
    },
    {
      who: "member",
      path: `/wallpapers/${f.wallpaperId}/tags`,
      body: { add: "x" },
      status: 400,
      code: "validation_failed",
    },
  ],
  getFavoriteState: () => [
    { who: "visitor", path: `/wallpapers/${f.wallpaperId}/favorite`, status: 200 },
    { who: "member", path: `/wallpapers/${f.wallpaperId}/favorite`, status: 200 },
  ],
  listTags: () => [{ who: "visitor", path: "/tags", query: { sort: "name", limit: 10 }, status: 200 }],
  autocompleteTags: () => [
    { who: "visitor", path: "/tags/autocomplete", query: { prefix: "contr" }, status: 200 },
  ],
  getTag: () => [
    { who: "visitor", path: "/tags/contract_one", status: 200 },
    { who: "visitor", path: "/tags/contract_onee", status: 404, code: "not_found" },
  ],
  listMyCollections: () => [
    { who: "visitor", path: "/collections", status: 401, code: "unauthorized" },
    { who: "member", path: "/collections", query: { containing: [f.wallpaperId] }, status: 200 },
  ],
  createCollection: () => [
    { who: "visitor", path: "/collections", body: { name: "nope" }, status: 401, code: "unauthorized" },
    { who: "member", path: "/collections", body: { name: "made over REST", isPublic: false }, status: 201 },
    { who: "member", path: "/collections", body: { name: "" }, status: 400, code: "validation_failed" },
  ],
  getCollection: () => [
    { who: "visitor", path: `/collections/${f.collectionId}`, status: 200 },
    { who: "visitor", path: `/collections/${missing}`, status: 404, code: "not_found" },
  ],
  updateCollection: () => [
    {
      who: "curator",
      path: `/collections/${f.collectionId}`,
      body: { name: "x" },
      status: 403,
      code: "forbidden",
    },
    {
      who: "member",
      path: `/collections/${f.collectionId}`,
      body: { description: "over REST" },
      status: 200,
    },
  ],
  deleteCollection: () => [
    { who: "visitor", path: `/collections/${f.spareCollectionId}`, status: 401, code: "unauthorized" },
    { who: "member", path: `/collections/${f.spareCollectionId}`, status: 200 },
  ],
  listCollectionItems: () => [
    { who: "visitor", path: `/collections/${f.collectionId}/items`, query: { limit: 10 }, status: 200 },
  ],
  addCollectionItems: () => [
    {
      who: "curator",
      path: `/collections/${f.collectionId}/items`,
      body: { wallpaperIds: [f.wallpaperId] },
      status: 403,
      code: "forbidden",
    },
    {
      who: "member",
      path: `/collections/${f.collectionId}/items`,
      body: { wallpaperIds: [f.wallpaperId] },
      status: 200,
    },
  ],
  removeCollectionItems: () => [
    {
      who: "member",
      path: `/collections/${f.collectionId}/items`,
      body: { wallpaperIds: [missing] },
      status: 200,
    },
  ],
  listFavorites: () => [
    { who: "visitor", path: "/favorites", status: 401, code: "unauthorized" },
    { who: "member", path: "/favorites", query: { limit: 10 }, status: 200 },
  ],
  addFavorite: () => [
    { who: "visitor", path: `/favorites/${f.wallpaperId}`, status: 401, code: "unauthorized" },
    { who: "member", path: `/favorites/${f.wallpaperId}`, status: 200 },
  ],
  removeFavorite: () => [{ who: "member", path: `/favorites/${f.wallpaperId}`, status: 200 }],
  checkUploads: () => [
    {
      who: "visitor",
      path: "/uploads/check",
      body: { sha256: ["0".repeat(64)] },
      status: 401,
      code: "unauthorized",
    },
    { who: "member", path: "/uploads/check", body: { sha256: [f.sentSha256, "0".repeat(64)] }, status: 200 },
  ],
  createUpload: () => [
    {
      who: "visitor",
      path: "/uploads",
      body: { filename: "a.png", size: 10 },
      status: 401,
      code: "unauthorized",
    },
    { who: "member", path: "/uploads", body: { filename: "a.png", size: 10 }, status: 201 },
    {
      who: "member",
      path: "/uploads",
      body: { filename: "a.png", size: -1 },
      status: 400,
      code: "validation_failed",
    },
  ],
  completeUpload: () => [
    { who: "curator", path: `/uploads/${f.completeId}/complete`, status: 403, code: "forbidden" },
    { who: "member", path: `/uploads/${f.completeId}/complete`, status: 200 },
  ],
  getUpload: () => [
    { who: "member", path: `/uploads/${f.uploadId}`, status: 200 },
    { who: "visitor", path: `/uploads/${f.uploadId}`, status: 401, code: "unauthorized" },
  ],
};

beforeAll(async () => {
  h = await openUploadHarness();
  h.deps = {
    ...h.deps,
    ingest: { ...h.services, settings: { ...h.services.settings, allowAnonymousUploads: false } },
  };
  const { db } = h.deps;
  await seedUsers(db, [{ id: "rest_member" }, { id: "rest_curator", role: "curator" }]);
  keys.member = (await createApiKey(db, "rest_member", "contract")).key;
  keys.curator = (await createApiKey(db, "rest_curator", "contract")).key;
  f.wallpaperId = await insertWallpaperRow(db, "rest_member");
  const ctx = await createTRPCContext({ headers: new Headers(), deps: h.deps });
  const curator = createCaller({ ...ctx, user: { id: "rest_curator", role: "curator", via: "session" } });
  const member = createCaller({ ...ctx, user: { id: "rest_member", role: "user", via: "session" } });
  await curator.tag.create({ name: "contract_one" });
  await curator.wallpaper.setTags({ wallpaperId: f.wallpaperId, add: ["contract_one"] });
  f.collectionId = (await member.collection.create({ name: "contract", isPublic: true })).id;
  f.spareCollectionId = (await member.collection.create({ name: "spare" })).id;
  f.uploadId = (await member.upload.create({ filename: "open.png", size: 1234 })).uploadId;
  const image = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#3a6" } })
    .png()
    .toBuffer();
  f.sentSha256 = createHash("sha256").update(image).digest("hex");
  f.completeId = (await member.upload.create({ filename: "sent.png", size: image.length })).uploadId;
  // The bytes travel over tus, as the member (the upload is theirs), between create and complete.
  const auth = { authorization: `Bearer ${keys.member}` };
  expect((await tusCreate(h.endpoint, f.completeId, "sent.png", image.length, auth)).status).toBe(201);
  expect((await tusPatch(`${h.endpoint}/${f.completeId}`, 0, image, auth)).status).toBe(204);
});
afterAll(async () => {
  await h?.close();
});

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
  });

  it("documents every REST operation, and the walk below calls each one", () => {
    const documented = Object.values(document.paths).flatMap((item) =>
      Object.values(item as Record<string, { operationId: string }>).map((op) => op.operationId),
    );
    expect(documented.sort()).toEqual(restOperations.map((op) => op.operationId).sort());
    expect(Object.keys(examples).sort()).toEqual(documented.sort());
  });
});

describe("every REST operation answers as the document says", () => {
  for (const operation of restOperations) {
    it(`${operation.method} ${operation.path} (${operation.operationId})`, async () => {
      for (const example of examples[operation.operationId]?.() ?? []) {
        const response = await restRequest(h.deps, operation.method, example.path, {
          ...example,
          apiKey: keys[example.who],
        });
        const label = `${example.who} ${operation.method} ${example.path}`;
        const body: unknown = await response.json();
        expect(response.status, `${label}: ${JSON.stringify(body)}`).toBe(example.status);
        const answer = declared(operation.path, operation.method.toLowerCase(), response.status);
        expect(answer, `${label}: status ${response.status} is not in the document`).toBeDefined();
        const mediaType = response.headers.get("content-type")?.split(";")[0] ?? "";
        const content = answer?.content[mediaType];
        expect(content, `${label}: ${mediaType} is not documented for ${response.status}`).toBeDefined();
        const validate = ajv.compile(schemaOf(content?.schema ?? {}));
        expect(validate(body) ? [] : validate.errors, label).toEqual([]);
        if (example.code) {
          expect((body as { code?: string }).code, label).toBe(example.code);
          // The same refusal, with the same stable code, as the procedure called over tRPC.
          expect(await trpcCodeOf(operation, example), `${label} over tRPC`).toBe(example.code);
        }
      }
    });
  }
});

describe("rate limits are the procedure's", () => {
  it("upload.create's per-account limit answers rate_limited with Retry-After over REST too", async () => {
    const auth = createAuthServices({
      db: h.deps.db,
      settings: loadAuthSettings({ UPLOAD_RATE_LIMIT_PER_MINUTE: "2" }),
      logger: h.deps.logger,
    });
    await seedUsers(h.deps.db, [{ id: "rest_limited" }]);
    const key = (await createApiKey(h.deps.db, "rest_limited", "limited")).key;
    const deps = { ...h.deps, auth };
    const create = () =>
      restRequest(deps, "POST", "/uploads", { apiKey: key, body: { filename: "a.png", size: 10 } });
    expect((await create()).status).toBe(201);
    // The counter is the procedure's, shared with tRPC: the second create goes through the tRPC caller.
    const ctx = await createTRPCContext({ headers: new Headers({ authorization: `Bearer ${key}` }), deps });
    await createCaller(ctx).upload.create({ filename: "b.png", size: 10 });
    const refused = await create();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const problem = (await refused.json()) as { code: string; retryAfterSeconds: number };
    expect(problem).toMatchObject({ code: "rate_limited", retryAfterSeconds: expect.any(Number) });
    const validate = ajv.compile(document.components.schemas.Problem);
    expect(validate(problem)).toBe(true);
  });
});

describe("HTTP-level refusals are problems with stable codes", () => {
  const problemOf = async (response: Response) => {
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = (await response.json()) as { code: string; status: number };
    expect(ajv.validate(document.components.schemas.Problem, body)).toBe(true);
    expect(body.status).toBe(response.status);
    return body.code;
  };
  it("an unknown path is not_found, a wrong method bad_request", async () => {
    expect(await problemOf(await restRequest(h.deps, "GET", "/nothing-here"))).toBe("not_found");
    expect(await problemOf(await restRequest(h.deps, "PUT", "/search"))).toBe("bad_request");
    // A malformed escape in a path parameter is the procedure's validation_failed, not a crash.
    expect(await problemOf(await restRequest(h.deps, "GET", "/wallpapers/%zz"))).toBe("validation_failed");
  });
  it("a bearer token that is no live API key is unauthorized, even on a public operation", async () => {
    const response = await restRequest(h.deps, "GET", "/tags", { apiKey: "wpdb_not_a_key" });
    expect(response.status).toBe(401);
    expect(await problemOf(response)).toBe("unauthorized");
  });
  it("a write from a foreign origin is refused (the cookie CSRF lock)", async () => {
    const response = await restRequest(h.deps, "POST", "/collections", {
      body: { name: "csrf" },
      headers: { origin: "https://evil.example" },
    });
    expect(await problemOf(response)).toBe("forbidden");
  });
  it("a body that is not JSON is unsupported_type", async () => {
    const request = new Request("http://localhost/api/rest/collections", {
      method: "POST",
      headers: { authorization: `Bearer ${keys.member}`, "content-type": "text/plain" },
      body: "name=x",
    });
    const { handleRestRequest } = await import("../src/rest/index.ts");
    const response = await handleRestRequest(request, { getDeps: async () => h.deps, trustedOrigins: [] });
    expect(await problemOf(response)).toBe("unsupported_type");
  });
});
