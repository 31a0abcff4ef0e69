import { z } from "zod";
import { REST_PREFIX } from "./handler.ts";
import { restOperations } from "./operations.ts";
import { callerInputSchema, type JsonSchema, pathParameterNames } from "./procedure-input.ts";
import { problem } from "./responses.ts";

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: "output",
    unrepresentable: "any",
  }) as JsonSchema;
  return rest;
}

const problemRef = { $ref: "#/components/schemas/Problem" };
const problemContent = { "application/problem+json": { schema: problemRef } };

function operationObject(operation: (typeof restOperations)[number]) {
  const inputs = callerInputSchema(operation);
  const parameters: Record<string, unknown>[] = pathParameterNames(operation.path).map((name) => ({
    name,
    in: "path",
    required: true,
    schema: inputs?.full.properties?.[name] ?? { type: "string" },
  }));
  let requestBody: Record<string, unknown> | undefined;
  if (inputs && operation.method === "GET") {
    const required = new Set(inputs.rest.required ?? []);
    for (const [name, schema] of Object.entries(inputs.rest.properties ?? {})) {
      const isArray = schema.type === "array";
      parameters.push({
        name,
        in: "query",
        required: required.has(name),
        schema,
        ...(isArray
          ? { style: "form", explode: true, description: `Repeat \`${name}=\` for each value.` }
          : {}),
      });
    }
  } else if (inputs && Object.keys(inputs.rest.properties ?? {}).length > 0) {
    requestBody = {
      required: (inputs.rest.required ?? []).length > 0,
      content: { "application/json": { schema: inputs.rest } },
    };
  }
  const status = String(operation.status ?? 200);
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: [operation.description, `Calls the tRPC procedure \`${operation.procedure}\`.`]
      .filter(Boolean)
      .join("\n\n"),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: {
      [status]: {
        description: "Success",
        content: { "application/json": { schema: jsonSchemaOf(operation.response) } },
      },
      "4XX": { description: "Refused: the stable `code` says why.", content: problemContent },
      "5XX": { description: "A failure of the server or a backing service.", content: problemContent },
    },
  };
}

/** The OpenAPI 3.1 document of the REST API, built from the operation table and the procedures' schemas. */
export function buildOpenApiDocument(options: { serverUrl?: string } = {}) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of restOperations) {
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method.toLowerCase()]: operationObject(operation),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "WallpaperDB REST API",
      version: "1.0.0",
      description:
        "The script API over plain HTTP and JSON. Each operation runs the same procedure as the tRPC API, with the same authorization, rate limits and error codes. Authenticate with an API key from /account (`Authorization: Bearer <key>`); errors are `application/problem+json` with a stable `code`. File bytes travel over the tus endpoint `/api/uploads`, never as JSON.",
    },
    servers: [{ url: `${options.serverUrl ?? ""}${REST_PREFIX}` }],
    security: [{}, { apiKey: [] }],
    tags: [
      { name: "Wallpapers" },
      { name: "Tags" },
      { name: "Collections" },
      { name: "Favorites" },
      { name: "Uploads", description: "create → tus upload of the bytes to /api/uploads → complete" },
    ],
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key created on /account." },
      },
      schemas: { Problem: jsonSchemaOf(problem) },
    },
  };
}
