import Link from "next/link";
import { caller } from "~/trpc/server.tsx";
import { thumbhashDataUrl } from "./thumbhash.ts";

/** Near-duplicates first, then content and palette neighbours (`wallpaper.similar`), rendered on the server. */
export async function WallpaperSimilar({ id }: { id: string }) {
  const { items } = await caller.wallpaper.similar({ wallpaperId: id, limit: 12 });
  return (
    <section aria-labelledby="similar-title" data-testid="wallpaper-similar">
      <h2 id="similar-title" className="section-title">
        Similar wallpapers
      </h2>
      {items.length === 0 ? <p className="muted">Nothing close enough yet.</p> : null}
      <div className="gallery-grid similar-grid">
        {items.map(({ card, match }) => {
          const ratio = card.width / card.height;
          // The negotiated thumb when no WebP is stored (the pipeline stores AVIF only now).
          const thumb = card.variants.find((v) => v.kind === "thumb" && v.format === "webp") ?? {
            url: `/media/${card.id}/thumb`,
          };
          const placeholder = thumbhashDataUrl(card.thumbhash);
          return (
            <Link
              key={card.id}
              href={`/wallpapers/${card.id}`}
              className="gallery-tile"
              data-testid="similar-tile"
              style={{ flexGrow: ratio, flexBasis: `calc(var(--row-height) * ${ratio.toFixed(4)})` }}
              title={matchTitle(match)}
            >
              <span
                className="picture"
                data-loaded="true"
                style={{
                  aspectRatio: `${card.width} / ${card.height}`,
                  backgroundImage: placeholder ? `url(${placeholder})` : undefined,
                }}
              >
                <img src={thumb?.url} alt="" loading="lazy" decoding="async" />
              </span>
              <span className="gallery-tile-meta">
                <span className="tile-badge">{matchBadge[match.kind]}</span>
              </span>
            </Link>
          );
        })}
      </div>
    </section>
  );
}

type Match = Awaited<ReturnType<typeof caller.wallpaper.similar>>["items"][number]["match"];

const matchBadge: Record<Match["kind"], string> = {
  near_duplicate: "near-duplicate",
  content: "similar content",
  palette: "similar colors",
};

function matchTitle(match: Match): string {
  switch (match.kind) {
    case "near_duplicate":
      return `Near-duplicate (${match.hammingDistance} bits)`;
    case "content":
      return "Similar content";
    case "palette":
      return "Similar colors";
  }
}
