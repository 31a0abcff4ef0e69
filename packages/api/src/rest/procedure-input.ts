import { z } from "zod";
import { appRouter } from "../root.ts";
import type { RestOperation } from "./operations.ts";

export type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, JsonSchema>;
  required?: string[];
};

/** `{wallpaperId}` names in a path template, in order. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? "");
}

/**
 * The zod schema the procedure itself validates with (the one home of its input rules), narrowed to the
 * union member REST exposes. Read from the router at run time so the REST layer cannot drift from it.
 */
export function procedureInputSchema(operation: RestOperation): z.ZodType | null {
  const procedure = (appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>)[
    operation.procedure
  ];
  if (!procedure)
    throw new Error(`REST operation ${operation.operationId}: no procedure ${operation.procedure}`);
  const [input] = procedure._def.inputs;
  if (input === undefined) return null;
  if (!(input instanceof z.ZodType)) {
    throw new Error(`REST operation ${operation.operationId}: ${operation.procedure} has no zod input`);
  }
  if (input instanceof z.ZodUnion && operation.inputBranch !== undefined) {
    const branch = input.options[operation.inputBranch];
    if (!(branch instanceof z.ZodType)) throw new Error(`REST operation ${operation.operationId}: no branch`);
    return branch;
  }
  return input;
}

/**
 * The input as JSON Schema (what a caller sends, defaults optional), less what the path and the route
 * itself supply: the query parameters of a GET, the request body otherwise.
 */
export function callerInputSchema(operation: RestOperation): { full: JsonSchema; rest: JsonSchema } | null {
  const schema = procedureInputSchema(operation);
  if (!schema) return null;
  const { $schema: _ignored, ...full } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
  }) as JsonSchema;
  const supplied = new Set([...pathParameterNames(operation.path), ...Object.keys(operation.fixed ?? {})]);
  const properties = Object.fromEntries(
    Object.entries(full.properties ?? {}).filter(([name]) => !supplied.has(name)),
  );
  const required = (full.required ?? []).filter((name) => !supplied.has(name));
  const rest: JsonSchema = { ...full, properties };
  if (required.length > 0) rest.required = required;
  else delete rest.required;
  return { full, rest };
}

function typesOf(schema: JsonSchema | undefined): Set<string> {
  const types = new Set<string>();
  if (!schema) return types;
  const type = schema.type;
  if (typeof type === "string") types.add(type);
  if (Array.isArray(type)) for (const each of type) types.add(String(each));
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    const members = schema[key];
    if (Array.isArray(members)) for (const member of members) for (const t of typesOf(member)) types.add(t);
  }
  return types;
}

/**
 * Query strings carry text; the procedure's schema wants numbers, booleans and arrays. Each value is
 * converted by its property's declared type only when it reads as one, so anything else reaches the
 * procedure unchanged and is refused there with the procedure's own validation_failed.
 */
export function inputFromQuery(
  params: URLSearchParams,
  schema: JsonSchema | undefined,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    const types = typesOf(schema?.properties?.[name]);
    const convert = (value: string): unknown => {
      if ((types.has("integer") || types.has("number")) && /^-?\d+(\.\d+)?$/.test(value))
        return Number(value);
      if (types.has("boolean") && (value === "true" || value === "false")) return value === "true";
      if (types.has("null") && value === "" && !types.has("string")) return null;
      return value;
    };
    input[name] = types.has("array") ? values.map(convert) : convert(values[values.length - 1] ?? "");
  }
  return input;
}
