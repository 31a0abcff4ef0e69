import { describe, expect, it } from "vitest";
import { restOperations } from "./operations.ts";
import { callerInputSchema, inputFromQuery, type JsonSchema, pathParameterNames } from "./procedure-input.ts";

const schema: JsonSchema = {
  type: "object",
  properties: {
    limit: { type: "integer" },
    ratio: { type: "number" },
    isPublic: { type: "boolean" },
    containing: { type: "array", items: { type: "string" } },
    cursor: { anyOf: [{ type: "string" }, { type: "null" }] },
    q: { type: "string" },
  },
};

describe("inputFromQuery", () => {
  it("reads numbers, booleans and repeated parameters by the property's type", () => {
    const params = new URLSearchParams("limit=5&ratio=1.5&isPublic=false&containing=a&containing=b&q=7");
    expect(inputFromQuery(params, schema)).toEqual({
      limit: 5,
      ratio: 1.5,
      isPublic: false,
      containing: ["a", "b"],
      // A string property keeps digits as text.
      q: "7",
    });
  });

  it("passes what does not read as its type on unchanged, for the procedure to refuse", () => {
    const params = new URLSearchParams("limit=many&isPublic=yes&unknown=1");
    expect(inputFromQuery(params, schema)).toEqual({ limit: "many", isPublic: "yes", unknown: "1" });
  });

  it("keeps an empty string for a nullable string (only a non-string nullable reads it as null)", () => {
    expect(inputFromQuery(new URLSearchParams("cursor="), schema)).toEqual({ cursor: "" });
  });
});

describe("the operation table", () => {
  it("names its path parameters in order", () => {
    expect(pathParameterNames("/collections/{collectionId}/items/{wallpaperId}")).toEqual([
      "collectionId",
      "wallpaperId",
    ]);
  });

  it("maps every operation to a procedure whose input has each path parameter", () => {
    for (const operation of restOperations) {
      const inputs = callerInputSchema(operation);
      for (const name of pathParameterNames(operation.path)) {
        expect(inputs?.full.properties?.[name], `${operation.operationId}: ${name}`).toBeDefined();
      }
      for (const name of Object.keys(operation.fixed ?? {})) {
        expect(inputs?.full.properties?.[name], `${operation.operationId}: fixed ${name}`).toBeDefined();
      }
    }
  });

  it("has one operation per method and path, and unique operation ids", () => {
    const keys = restOperations.map((operation) => `${operation.method} ${operation.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    const ids = restOperations.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
