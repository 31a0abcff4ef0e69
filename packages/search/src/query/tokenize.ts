export type Token =
  | { kind: "or"; position: number; length: number }
  | { kind: "tag"; name: string; position: number; length: number }
  | { kind: "negated"; name: string; position: number; length: number }
  | { kind: "either"; name: string; position: number; length: number }
  | { kind: "filter"; key: string; value: string; position: number; valuePosition: number; length: number };

/** Whitespace-separated terms with their offsets; tag names cannot contain `:`, so `key:value` is a filter. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  for (const match of query.matchAll(/\S+/gu)) {
    const text = match[0];
    const position = match.index;
    const length = text.length;
    if (text === "OR" || text === "||") {
      tokens.push({ kind: "or", position, length });
      continue;
    }
    const colon = text.indexOf(":");
    if (colon > 0 && !text.startsWith("-") && !text.startsWith("~")) {
      tokens.push({
        kind: "filter",
        key: text.slice(0, colon).toLowerCase(),
        value: text.slice(colon + 1),
        position,
        valuePosition: position + colon + 1,
        length,
      });
    } else if (text.startsWith("-") && text.length > 1) {
      tokens.push({ kind: "negated", name: text.slice(1), position, length });
    } else if (text.startsWith("~") && text.length > 1) {
      tokens.push({ kind: "either", name: text.slice(1), position, length });
    } else {
      tokens.push({ kind: "tag", name: text, position, length });
    }
  }
  return tokens;
}
