import type { Database } from "@wallpaperdb/db";
import type { EventEnvelope, EventType, HandlerResult } from "@wallpaperdb/events";
import type { HandlerContext } from "@wallpaperdb/events/consumer";
import { handleSystemPing } from "./handlers/ping.ts";

/** What every handler may use; main.ts builds it once. */
export interface HandlerDeps {
  db: Database;
  workerId: string;
}

export interface ConsumerComponent<T extends EventType = EventType> {
  /** Durable consumer name: every process running this component shares its work. */
  durable: string;
  types: T[];
  concurrency?: number;
  maxDeliver?: number;
  handle(deps: HandlerDeps, event: EventEnvelope<T>, ctx: HandlerContext): Promise<HandlerResult>;
}

function component<T extends EventType>(definition: ConsumerComponent<T>): ConsumerComponent<T> {
  return definition;
}

/** Event consumers by component name (the names WORKERS selects). */
export const consumerComponents = {
  ping: component({ durable: "ping", types: ["system.ping.v1"], handle: handleSystemPing }),
  // generator:components (turbo gen worker adds entries above this line)
};

export type ConsumerComponentName = keyof typeof consumerComponents;

/** `relay` publishes the outbox; it is a component so processes can run relay-only or consumers-only. */
export const componentNames = ["relay", ...Object.keys(consumerComponents)] as readonly string[];

export function isConsumerComponent(name: string): name is ConsumerComponentName {
  return Object.hasOwn(consumerComponents, name);
}

/** Parses WORKERS; unknown names stop start-up with the list of valid ones. */
export function selectComponents(spec: string | undefined): string[] {
  const requested = (spec ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  if (requested.length === 0) return [...componentNames];
  const unknown = requested.filter((name) => !componentNames.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `WORKERS names unknown component(s): ${unknown.join(", ")}. Valid components: ${componentNames.join(", ")}`,
    );
  }
  return [...new Set(requested)];
}
