import { COLOR_MATCH_DISTANCE, MIN_COLOR_FRACTION, splitColorTargets } from "../color-match.ts";
import { EXACT_COUNT_CAP } from "../postgres/total.ts";
import type { PreparedSearch } from "../prepare.ts";
import { resolveSince } from "../query/since.ts";
import {
  RANDOM_MODULUS,
  RANDOM_MULTIPLIER,
  RELEVANCE_COLOR_WEIGHT,
  RELEVANCE_TAG_WEIGHT,
} from "../sort-keys.ts";
import { topListUnsupported } from "../top-unsupported.ts";
import { uploaderClause } from "../uploader.ts";
import { viewerScopeClauses } from "./viewer-scope.ts";

type Clause = Record<string, unknown>;

// Painless versions of the shared sort keys (src/sort-keys.ts); the contract suite checks they agree.
const RANDOM_SCRIPT = `long h = Long.parseLong(doc['id'].value.substring(0, 8), 16) & 2147483647L;
long m = ((h ^ params.seed) * ${RANDOM_MULTIPLIER}L) % ${RANDOM_MODULUS}L;
return m ^ (m >> 13);`;
const RELEVANCE_SCRIPT = `long tags = 0;
for (def t : params.optional) { for (def v : doc['tag_ids']) { if (v == t) { tags++; break; } } }
double coverage = 0;
for (def c : params._source.colors) { for (def t : params.targets) {
  double d = Math.sqrt(Math.pow(c.l - t.l, 2) + Math.pow(c.a - t.a, 2) + Math.pow(c.b - t.b, 2));
  if (d <= params.max) { coverage += c.fraction * (1 - d / params.max); } } }
double q = doc['quality_score'].size() == 0 ? 0 : doc['quality_score'].value;
return tags * ${RELEVANCE_TAG_WEIGHT}L + Math.round(coverage * 1000) * ${RELEVANCE_COLOR_WEIGHT}L + Math.round(q * 100);`;
const SIMILAR_SCRIPT = "return Long.bitCount(doc['phash'].value ^ Long.parseLong(params.target));";
const COLOR_DISTANCE_SCRIPT = `Math.sqrt(Math.pow(doc['colors.l'].value - params.l, 2) + Math.pow(doc['colors.a'].value - params.a, 2)
  + Math.pow(doc['colors.b'].value - params.b, 2)) <= params.max`;

function scriptSort(source: string, params: Record<string, unknown>, order: "asc" | "desc"): Clause {
  return { _script: { type: "number", script: { lang: "painless", source, params }, order } };
}

/** The filters of a search as an OpenSearch bool query: the same semantics as postgres/filters.ts. */
export function buildFilter(prepared: PreparedSearch): Clause {
  const { input, tags, colors, now } = prepared;
  const filter: Clause[] = [];
  const mustNot: Clause[] = [];
  for (const id of tags.all) filter.push({ term: { tag_ids: id } });
  if (tags.none.length > 0) mustNot.push({ terms: { tag_ids: tags.none } });
  for (const group of tags.any) filter.push({ terms: { tag_ids: group } });
  if (input.atleast) {
    filter.push(
      { range: { width: { gte: input.atleast.width } } },
      { range: { height: { gte: input.atleast.height } } },
    );
  }
  if (input.resolutions.length > 0) {
    const sizes = input.resolutions.map((s) => ({
      bool: { filter: [{ term: { width: s.width } }, { term: { height: s.height } }] },
    }));
    filter.push({ bool: { should: sizes, minimum_should_match: 1 } });
  }
  if (input.ratios.length > 0) filter.push({ terms: { aspect_name: input.ratios } });
  if (input.orientation) filter.push({ term: { orientation: input.orientation } });
  if (input.mediaType) filter.push({ term: { media_type: input.mediaType } });
  if (input.minQuality !== undefined) filter.push({ range: { quality_score: { gte: input.minQuality } } });
  const { names, others } = splitColorTargets(colors);
  // Swatches: the stored named colours, as postgres/filters.ts does.
  for (const name of names) filter.push({ term: { color_names: name } });
  for (const t of others) {
    const d = COLOR_MATCH_DISTANCE;
    filter.push({
      nested: {
        path: "colors",
        query: {
          bool: {
            filter: [
              { range: { "colors.a": { gte: t.a - d, lte: t.a + d } } },
              { range: { "colors.b": { gte: t.b - d, lte: t.b + d } } },
              { range: { "colors.l": { gte: t.l - d, lte: t.l + d } } },
              { range: { "colors.fraction": { gte: MIN_COLOR_FRACTION } } },
              {
                script: {
                  script: {
                    lang: "painless",
                    source: COLOR_DISTANCE_SCRIPT,
                    params: { l: t.l, a: t.a, b: t.b, max: d },
                  },
                },
              },
            ],
          },
        },
      },
    });
  }
  if (input.since)
    filter.push({ range: { created_at: { gte: resolveSince(input.since, now).toISOString() } } });
  const byUploader = uploaderClause(prepared.uploaderId);
  if (byUploader) filter.push(byUploader);
  const scoped = viewerScopeClauses(prepared);
  filter.push(...scoped.filter);
  mustNot.push(...scoped.mustNot);
  if (input.sort === "quality") filter.push({ exists: { field: "quality_score" } });
  if (input.sort === "similar") filter.push({ exists: { field: "phash" } });
  return { bool: { filter, must_not: mustNot } };
}

export function buildSort(prepared: PreparedSearch): Clause[] {
  const { input, tags, colors, seed, similarPhash } = prepared;
  switch (input.sort) {
    case "newest":
      return [{ created_at: { order: "desc" } }, { id: { order: "desc" } }];
    case "quality":
      return [{ quality_score: { order: "desc" } }, { id: { order: "desc" } }];
    case "random":
      return [scriptSort(RANDOM_SCRIPT, { seed }, "asc"), { id: { order: "asc" } }];
    case "relevance": {
      const params = { optional: [...new Set(tags.any.flat())], targets: colors, max: COLOR_MATCH_DISTANCE };
      return [scriptSort(RELEVANCE_SCRIPT, params, "desc"), { id: { order: "desc" } }];
    }
    case "similar":
      return [
        scriptSort(SIMILAR_SCRIPT, { target: (similarPhash ?? 0n).toString() }, "asc"),
        { id: { order: "asc" } },
      ];
    case "top":
      throw topListUnsupported("OpenSearch");
  }
}

/** The whole request body of one page: filters, keyset order, search_after from the cursor, capped total. */
export function buildSearchBody(prepared: PreparedSearch): Clause {
  return {
    query: buildFilter(prepared),
    sort: buildSort(prepared),
    size: prepared.input.limit + 1,
    _source: false,
    track_total_hits: EXACT_COUNT_CAP,
    ...(prepared.after ? { search_after: prepared.after.keys.map((key) => JSON.parse(key) as unknown) } : {}),
  };
}
