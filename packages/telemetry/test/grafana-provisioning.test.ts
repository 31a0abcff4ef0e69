import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { METRICS, prometheusName, prometheusSeries } from "../src/metrics.ts";

const grafana = join(import.meta.dirname, "../../../deploy/grafana");
const series = prometheusSeries();
// Labels Prometheus itself or the OTLP conversion adds to every series, besides the code's attributes.
const AMBIENT_LABELS = new Set(["le", "job", "instance", "service_name"]);

/** What is wrong with one PromQL query: unknown metrics or labels the code never sets. */
function queryProblems(expr: string): string[] {
  const problems: string[] = [];
  const withoutStrings = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const metricNames = [...withoutStrings.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)]
    .map((match) => match[0])
    .filter((token) => token.startsWith("wallpaperdb_"));
  if (metricNames.length === 0) problems.push(`no wallpaperdb metric in: ${expr}`);
  const known = new Set(AMBIENT_LABELS);
  for (const name of metricNames) {
    const metric = series.get(name);
    if (!metric) problems.push(`unknown metric ${name}`);
    else for (const label of metric.labels) known.add(label);
  }
  const usedLabels = [
    ...[...withoutStrings.matchAll(/\b(?:by|without|on|ignoring)\s*\(([^)]*)\)/g)].flatMap((m) =>
      (m[1] ?? "").split(","),
    ),
    ...[...withoutStrings.matchAll(/\{([^}]*)\}/g)].flatMap((m) =>
      (m[1] ?? "").split(",").map((matcher) => matcher.split(/[=!~]/)[0] ?? ""),
    ),
  ]
    .map((label) => label.trim())
    .filter(Boolean);
  for (const label of usedLabels)
    if (!known.has(label)) problems.push(`label ${label} is never set (${expr})`);
  return problems;
}

interface AlertQuery {
  refId: string;
  datasourceUid: string;
  model: { refId: string; expr?: string; expression?: string };
}

interface AlertRule {
  uid: string;
  title: string;
  condition: string;
  for: string;
  noDataState: string;
  execErrState: string;
  data: AlertQuery[];
}

interface Panel {
  id?: number;
  type?: string;
  title?: string;
  gridPos?: { x: number; y: number; w: number; h: number };
  datasource?: { uid?: string };
  targets?: { refId?: string; expr?: string; datasource?: { uid?: string } }[];
}

const dashboards = readdirSync(join(grafana, "dashboards"))
  .filter((file) => file.endsWith(".json"))
  .map((file) => ({ file, json: JSON.parse(readFileSync(join(grafana, "dashboards", file), "utf8")) }));

describe("OTel → Prometheus names (as otel-lgtm stores them)", () => {
  it("turns dots into underscores, appends the unit word and _total for counters", () => {
    expect(prometheusName(METRICS.uploadReceived)).toBe("wallpaperdb_upload_received_bytes_total");
    expect(prometheusName(METRICS.uploadsRejected)).toBe("wallpaperdb_uploads_rejected_total");
    expect(prometheusName(METRICS.stepDuration)).toBe("wallpaperdb_processing_step_duration_seconds");
    expect(prometheusName(METRICS.outboxOldestAge)).toBe("wallpaperdb_outbox_oldest_age_seconds");
    expect(prometheusName(METRICS.consumerLag)).toBe("wallpaperdb_consumer_lag");
    expect(series.has("wallpaperdb_processing_step_duration_seconds_bucket")).toBe(true);
  });

  it("the query check rejects unknown metrics and labels (so it can fail)", () => {
    expect(queryProblems("sum(rate(wallpaperdb_uploads_total[5m]))")).toHaveLength(1);
    expect(
      queryProblems('sum by (step) (rate(wallpaperdb_uploads_rejected_total{kind="x"}[5m]))'),
    ).toHaveLength(2);
    expect(
      queryProblems("sum by (reason) (rate(wallpaperdb_uploads_rejected_total[$__rate_interval]))"),
    ).toEqual([]);
  });
});

describe("dashboards", () => {
  it("has the upload, pipeline and infrastructure dashboards with unique uids", () => {
    const uids = dashboards.map((d) => d.json.uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids).toEqual(expect.arrayContaining(["wpdb-uploads", "wpdb-pipeline", "wpdb-infrastructure"]));
  });

  it.each(dashboards)("$file has what Grafana's file provisioning loads", ({ json }) => {
    expect(typeof json.uid).toBe("string");
    expect(json.uid.length).toBeLessThanOrEqual(40);
    expect(typeof json.title).toBe("string");
    expect(json.id ?? null).toBeNull();
    const panels = json.panels as Panel[];
    expect(panels.length).toBeGreaterThan(0);
    const ids = panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of panels) {
      expect(panel.title, JSON.stringify(panel)).toBeTruthy();
      expect(panel.type).toMatch(/^(timeseries|stat|gauge|table|bargauge)$/);
      expect(panel.gridPos).toEqual(
        expect.objectContaining({ w: expect.any(Number), h: expect.any(Number) }),
      );
      expect(panel.datasource?.uid).toBe("prometheus");
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets ?? []) {
        expect(target.refId).toMatch(/^[A-Z]$/);
        expect(queryProblems(target.expr ?? ""), `${panel.title}`).toEqual([]);
      }
    }
  });

  it("shows per-step latency and failures, and lag per consumer", () => {
    const exprs = (uid: string) =>
      dashboards
        .filter((d) => d.json.uid === uid)
        .flatMap((d) =>
          (d.json.panels as Panel[]).flatMap((p) => (p.targets ?? []).map((t) => t.expr ?? "")),
        );
    const pipeline = exprs("wpdb-pipeline").join("\n");
    expect(pipeline).toMatch(/by \(le, step\) \(rate\(wallpaperdb_processing_step_duration_seconds_bucket/);
    expect(pipeline).toMatch(/by \(step\) \(increase\(wallpaperdb_processing_step_failures_total/);
    const infra = exprs("wpdb-infrastructure").join("\n");
    expect(infra).toContain("by (consumer) (wallpaperdb_consumer_lag)");
    expect(infra).toContain("wallpaperdb_dependency_up");
  });
});

describe("alert rules", () => {
  const file = readdirSync(join(grafana, "provisioning/alerting")).filter((f) => /\.ya?ml$/.test(f));
  const docs = file.map((f) => parse(readFileSync(join(grafana, "provisioning/alerting", f), "utf8")));
  const rules: AlertRule[] = docs.flatMap((doc) =>
    (doc.groups ?? []).flatMap((group: { rules: AlertRule[] }) => group.rules),
  );

  it("are Grafana alerting provisioning files (apiVersion 1, groups with folder, interval and rules)", () => {
    for (const doc of docs) {
      expect(doc.apiVersion).toBe(1);
      for (const group of doc.groups) {
        expect(group).toEqual(
          expect.objectContaining({ orgId: 1, name: expect.any(String), folder: expect.any(String) }),
        );
        expect(group.interval).toMatch(/^\d+[smh]$/);
        expect(group.rules.length).toBeGreaterThan(0);
      }
    }
  });

  it("cover upload failures, upload latency, processing failures, outbox backlog and consumer lag", () => {
    expect(rules.map((rule) => rule.uid)).toEqual(
      expect.arrayContaining([
        "wpdb-upload-failure-rate",
        "wpdb-upload-latency-p95",
        "wpdb-processing-failures",
        "wpdb-outbox-backlog-growing",
        "wpdb-consumer-lag-growing",
      ]),
    );
  });

  it.each(rules.map((rule) => [rule.uid, rule] as const))(
    "%s is a complete rule over exported metrics",
    (_uid, rule) => {
      expect(rule.title).toBeTruthy();
      expect(rule.for).toMatch(/^\d+[smh]$/);
      expect(["OK", "NoData", "Alerting", "KeepLast"]).toContain(rule.noDataState);
      expect(["OK", "Error", "Alerting", "KeepLast"]).toContain(rule.execErrState);
      const refIds = rule.data.map((query: { refId: string }) => query.refId);
      expect(refIds).toContain(rule.condition);
      for (const query of rule.data) {
        expect(query.model.refId).toBe(query.refId);
        if (query.datasourceUid === "__expr__") {
          expect(refIds).toContain(query.model.expression);
        } else {
          expect(query.datasourceUid).toBe("prometheus");
          expect(queryProblems(query.model.expr ?? ""), rule.uid).toEqual([]);
        }
      }
    },
  );
});

describe("dashboard provider", () => {
  it("loads the folder docker-compose mounts the dashboards into", () => {
    const provider = parse(readFileSync(join(grafana, "provisioning/dashboards/wallpaperdb.yaml"), "utf8"));
    expect(provider.apiVersion).toBe(1);
    expect(provider.providers[0]).toMatchObject({
      type: "file",
      options: { path: "/var/lib/wallpaperdb/dashboards" },
    });
  });
});
