import type { Executor } from "@wallpaperdb/db";
import { type SQL, sql } from "drizzle-orm";

/** One node of `EXPLAIN (FORMAT JSON)`, as the plan tests read it. */
export interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  Plans?: PlanNode[];
}

function walk(node: PlanNode, out: PlanNode[] = []): PlanNode[] {
  out.push(node);
  for (const child of node.Plans ?? []) walk(child, out);
  return out;
}

/** The plan PostgreSQL chooses for a statement, every node in depth-first order (the plan tests' one EXPLAIN). */
export async function explainNodes(db: Executor, query: SQL): Promise<PlanNode[]> {
  const [row] = await db.execute<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(sql`explain (format json) ${query}`);
  const root = row?.["QUERY PLAN"][0].Plan;
  if (!root) throw new Error("no plan");
  return walk(root);
}
