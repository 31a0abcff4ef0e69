import Link from "next/link";
import { type KeyboardEvent, useState } from "react";
import { FavoriteButton } from "~/components/favorites/heart.tsx";
import { type PictureVariant, WallpaperPicture } from "~/components/wallpaper/picture.tsx";
import { tileSizes } from "./tile-size.ts";
import { useTileSize } from "./tile-size-frame.tsx";

export interface TileCard {
  id: string;
  mediaType: "image" | "video";
  width: number;
  height: number;
  aspectName: string | null;
  qualityScore: number | null;
  thumbhash: string | null;
  /** How many accounts keep it (`wallpaper_popularity`), shown beside a small heart in the tile's bar. */
  favoriteCount: number;
  /** Sketchy and nsfw tiles carry a coloured mark (wallhaven's purity colours); sfw none. */
  purity?: "sfw" | "sketchy" | "nsfw";
  colors: string[];
  variants: PictureVariant[];
}

const PURITY_MARKS = { sketchy: "Sketchy", nsfw: "NSFW" } as const;

interface Props {
  card: TileCard;
  index: number;
  onKeyDown: (event: KeyboardEvent<HTMLElement>, index: number) => void;
  /** Select mode: the tile is a checkbox instead of a link. */
  selectable?: { selected: boolean; onSelect(index: number, range: boolean): void };
  /** Signed in: whether the account keeps it (the grid asks once per page); absent, no heart is shown. */
  favorited?: boolean;
}

/**
 * A justified-row tile: grows with its aspect ratio so every row fills the width without cropping much.
 * The flex item is a plain box holding the link (or, in select mode, the checkbox) and, beside it, the
 * heart: a button may not sit inside a link, and beside it keyboard and touch reach each on its own.
 */
export function GalleryTile({ card, index, onKeyDown, selectable, favorited }: Props) {
  // The count the heart's last answer stored; until then the card's.
  const [storedCount, setStoredCount] = useState<number | null>(null);
  const favoriteCount = storedCount ?? card.favoriteCount;
  const ratio = card.width / card.height;
  const label = `${card.mediaType === "video" ? "Video" : "Wallpaper"} ${card.width}×${card.height}${
    card.aspectName ? `, ${card.aspectName}` : ""
  }${card.purity && card.purity !== "sfw" ? `, ${PURITY_MARKS[card.purity]}` : ""}${favoriteCount > 0 ? `, ${favoriteCount} ${favoriteCount === 1 ? "favorite" : "favorites"}` : ""}`;
  const common = {
    className: "gallery-tile-link",
    "data-testid": "gallery-tile",
    "data-id": card.id,
    "data-index": index,
    "aria-label": label,
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => onKeyDown(event, index),
  };
  const style = { flexGrow: ratio, flexBasis: `calc(var(--row-height) * ${ratio.toFixed(4)})` };
  if (selectable) {
    return (
      <div className="gallery-tile" style={style}>
        {/* biome-ignore lint/a11y/useSemanticElements: the whole tile (a picture) toggles; an <input> cannot hold it, and role=checkbox with aria-checked is the ARIA pattern for such a toggle. */}
        <button
          {...common}
          type="button"
          role="checkbox"
          aria-checked={selectable.selected}
          data-selected={selectable.selected}
          onClick={(event) => selectable.onSelect(index, event.shiftKey)}
        >
          <span className="gallery-tile-check" aria-hidden="true">
            {selectable.selected ? "✓" : ""}
          </span>
          <TileBody card={card} index={index} ratio={ratio} favoriteCount={favoriteCount} />
        </button>
      </div>
    );
  }
  return (
    <div className="gallery-tile" style={style}>
      <Link {...common} href={`/wallpapers/${card.id}`}>
        <TileBody card={card} index={index} ratio={ratio} favoriteCount={favoriteCount} />
      </Link>
      {favorited === undefined ? null : (
        <FavoriteButton
          wallpaperId={card.id}
          variant="tile"
          favorited={favorited}
          onStored={(state) => setStoredCount(state.favoriteCount)}
        />
      )}
    </div>
  );
}

function TileBody({
  card,
  index,
  ratio,
  favoriteCount,
}: {
  card: TileCard;
  index: number;
  ratio: number;
  favoriteCount: number;
}) {
  const { size } = useTileSize();
  return (
    <>
      <span className="gallery-tile-frame" style={{ aspectRatio: `${card.width} / ${card.height}` }}>
        <WallpaperPicture
          id={card.id}
          variants={card.variants}
          thumbhash={card.thumbhash}
          fallbackColor={card.colors[0]}
          alt=""
          sizes={tileSizes(size, ratio)}
          priority={index < 8}
        />
      </span>
      {card.purity && card.purity !== "sfw" ? (
        <span className="tile-purity" data-purity={card.purity} aria-hidden="true">
          {PURITY_MARKS[card.purity]}
        </span>
      ) : null}
      <span className="gallery-tile-meta" aria-hidden="true">
        <span>
          {card.width}×{card.height}
        </span>
        {card.mediaType === "video" ? <span className="tile-badge">▶ video</span> : null}
        {card.qualityScore !== null ? (
          <span className="tile-badge">Q {Math.round(card.qualityScore)}</span>
        ) : null}
        {favoriteCount > 0 ? (
          <span className="tile-favorites" data-testid="tile-favorites">
            ♥ {favoriteCount}
          </span>
        ) : null}
      </span>
    </>
  );
}
