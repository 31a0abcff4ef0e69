import { namedColorByName } from "@wallpaperdb/imaging/colors";
import type { WallpaperView } from "@wallpaperdb/wallpapers";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatBytes } from "~/components/shared/format.ts";
import { tagPageHref } from "~/components/tag-pages/links.ts";
import { uploaderHref } from "~/components/users/uploader-query.ts";

export function WallpaperPalette({ palette, colorNames }: Pick<WallpaperView, "palette" | "colorNames">) {
  if (palette.length === 0) return null;
  // The wallpaper's named colours by the one colour rule (stored by the colour step): each links to
  // its swatch's search, which finds this wallpaper, and each is also its auto colour tag.
  const named = colorNames.flatMap((name) => {
    const color = namedColorByName(name);
    return color ? [color] : [];
  });
  return (
    <section className="card" aria-labelledby="palette-title" data-testid="wallpaper-palette">
      <h2 id="palette-title">Palette</h2>
      <div className="palette-bar" aria-hidden="true">
        {palette.map((color) => (
          <span
            key={color.hex + color.fraction}
            style={{ background: color.hex, flexGrow: color.fraction }}
          />
        ))}
      </div>
      <ul className="palette-list">
        {palette.map((color) => (
          <li key={`${color.hex}-${color.fraction}`} data-testid="palette-color">
            <span className="palette-dot" style={{ background: color.hex }} />
            <Link href={`/?color=${color.hex.replace("#", "")}`}>{color.hex}</Link>
            <span style={{ marginLeft: "auto" }}>{(color.fraction * 100).toFixed(1)} %</span>
          </li>
        ))}
      </ul>
      {named.length > 0 && (
        <>
          <h3 className="muted" style={{ fontSize: "0.85rem", margin: "12px 0 6px" }}>
            Named colours
          </h3>
          <ul className="palette-list" data-testid="palette-names">
            {named.map((color) => (
              <li key={color.name} data-testid="palette-name">
                <span className="palette-dot" style={{ background: color.hex }} />
                <Link href={`/?color=${color.hex.replace("#", "")}`}>{color.name}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const qualityParts: [key: string, label: string][] = [
  ["resolution", "Resolution"],
  ["sharpness", "Sharpness"],
  ["noise", "Clean (low noise)"],
  ["blockiness", "No compression blocks"],
];

export function WallpaperQuality({ facts }: { facts: WallpaperView["facts"] }) {
  if (facts?.qualityScore === null || facts?.qualityScore === undefined) return null;
  const components = facts.qualityComponents ?? {};
  const upscaled = components.upscaled === true;
  return (
    <section className="card" aria-labelledby="quality-title" data-testid="wallpaper-quality">
      <h2 id="quality-title">Quality</h2>
      <p className="quality-score" data-testid="quality-score">
        {Math.round(facts.qualityScore)}
        <span className="muted" style={{ fontSize: "1rem", fontWeight: 400 }}>
          {" "}
          / 100
        </span>
      </p>
      <div className="quality-list">
        {qualityParts.map(([key, label]) => {
          const value = typeof components[key] === "number" ? (components[key] as number) : null;
          if (value === null) return null;
          return (
            <div key={key} data-testid={`quality-${key}`}>
              <div style={{ display: "flex", justifyContent: "space-between" }}>
                <span>{label}</span>
                <span className="muted">{Math.round(value * 100)}</span>
              </div>
              <div className="meter">
                <span style={{ width: `${Math.round(value * 100)}%` }} />
              </div>
            </div>
          );
        })}
        {typeof components.effectiveMegapixels === "number" ? (
          <p className="muted" style={{ margin: 0 }}>
            {components.effectiveMegapixels.toFixed(1)} effective megapixels
            {upscaled ? ` — looks upscaled (about ${String(components.upscaleFactor ?? 2)}×)` : ""}
          </p>
        ) : null}
      </div>
    </section>
  );
}

/**
 * The tags by category, each a link to its tag page. `action` sits beside the title (the editor's
 * toggle); `children`, when given, take the list's place (the editor itself, tag-editor.tsx).
 */
export function WallpaperTags({
  tags,
  action,
  children,
}: {
  tags: WallpaperView["tags"];
  action?: ReactNode;
  children?: ReactNode;
}) {
  const groups = new Map<string, WallpaperView["tags"]>();
  for (const tag of tags) groups.set(tag.category, [...(groups.get(tag.category) ?? []), tag]);
  return (
    <section className="card" aria-labelledby="tags-title" data-testid="wallpaper-tags">
      <div className="tags-head">
        <h2 id="tags-title">Tags</h2>
        {action}
      </div>
      {children ?? (tags.length === 0 ? <p className="muted">No tags yet.</p> : null)}
      {children
        ? null
        : [...groups].map(([category, list]) => (
            <div key={category} className="tag-group">
              <h3>{category}</h3>
              <div className="tag-list">
                {list.map((tag) => {
                  const source = tag.sources.includes("human")
                    ? "human"
                    : tag.sources.includes("auto")
                      ? "auto"
                      : "implied";
                  return (
                    <Link
                      key={tag.tagId}
                      href={tagPageHref(tag.name)}
                      className="tag-pill"
                      data-source={source}
                      data-testid="wallpaper-tag"
                      title={
                        source === "human"
                          ? "Tagged by a person"
                          : source === "auto"
                            ? "Suggested automatically"
                            : "Implied by another tag"
                      }
                    >
                      {tag.name}
                      {source !== "human" ? <span className="muted"> · {source}</span> : null}
                    </Link>
                  );
                })}
              </div>
            </div>
          ))}
    </section>
  );
}

export function WallpaperFacts({ view }: { view: WallpaperView }) {
  const facts: [string, string][] = [
    [
      "Resolution",
      `${view.width} × ${view.height}${view.facts?.resolutionClass ? ` (${view.facts.resolutionClass})` : ""}`,
    ],
    [
      "Aspect",
      `${view.facts?.aspectName ?? (view.width / view.height).toFixed(3)}${view.facts?.orientation ? `, ${view.facts.orientation}` : ""}`,
    ],
    ["Megapixels", (view.facts?.megapixels ?? (view.width * view.height) / 1e6).toFixed(1)],
    ["File", `${view.mimeType}, ${formatBytes(view.sizeBytes)}`],
    ["Uploaded", `${view.createdAt.toISOString().slice(0, 10)}`],
    ["Original name", view.originalFilename ?? "—"],
  ];
  if (view.durationMs !== null) facts.splice(3, 0, ["Duration", `${(view.durationMs / 1000).toFixed(1)} s`]);
  if (view.facts?.brightness)
    facts.push(["Brightness", `${view.facts.brightness}${view.facts.monochrome ? ", monochrome" : ""}`]);
  return (
    <section className="card" aria-labelledby="facts-title" data-testid="wallpaper-facts">
      <h2 id="facts-title">Facts</h2>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label} style={{ display: "contents" }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <dt>Uploader</dt>
        <dd data-testid="wallpaper-uploader">
          {view.uploader ? (
            <Link href={uploaderHref(view.uploader.username)}>{view.uploader.name}</Link>
          ) : (
            "anonymous"
          )}
        </dd>
      </dl>
    </section>
  );
}
