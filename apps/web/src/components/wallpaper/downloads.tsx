"use client";

import { SCREEN_SIZES, sizesWithin, snapToScreenSize } from "@wallpaperdb/media-serving/sizes";
import { useEffect, useState } from "react";

interface Props {
  id: string;
  width: number;
  height: number;
  originalLabel: string;
}

/**
 * "My screen size" is measured in the browser (CSS pixels × devicePixelRatio, so a 4K laptop at 200 %
 * gets 3840×2160), snapped to an allowed rendition size and cover-cropped by the media route.
 */
export function WallpaperDownloads({ id, width, height, originalLabel }: Props) {
  const [screen, setScreen] = useState<{ width: number; height: number } | null>(null);
  const within = sizesWithin({ width, height });
  const [chosen, setChosen] = useState(within[0] ? `${within[0].width}x${within[0].height}` : "");
  useEffect(() => {
    const ratio = window.devicePixelRatio || 1;
    setScreen({
      width: Math.round(window.screen.width * ratio),
      height: Math.round(window.screen.height * ratio),
    });
  }, []);
  const mine = screen ? snapToScreenSize(screen.width, screen.height) : null;
  return (
    <section className="card" aria-labelledby="downloads-title" data-testid="wallpaper-downloads">
      <h2 id="downloads-title">Download</h2>
      <div className="download-list">
        {mine ? (
          <a
            className="button"
            data-testid="download-my-screen"
            data-size={`${mine.width}x${mine.height}`}
            href={`/media/${id}/cover/${mine.width}x${mine.height}.jpeg?download=1`}
          >
            My screen · {mine.width}×{mine.height}
          </a>
        ) : (
          <span className="button button-ghost" aria-busy="true">
            Measuring your screen…
          </span>
        )}
        <div className="download-row">
          <select
            className="input"
            aria-label="Standard size"
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
          >
            {(within.length ? within : SCREEN_SIZES.slice(0, 1)).map((size) => (
              <option key={`${size.width}x${size.height}`} value={`${size.width}x${size.height}`}>
                {size.width}×{size.height} · {size.label}
              </option>
            ))}
          </select>
          <a
            className="button button-ghost"
            data-testid="download-size"
            href={`/media/${id}/cover/${chosen}.jpeg?download=1`}
          >
            JPEG
          </a>
          <a className="button button-ghost" href={`/media/${id}/cover/${chosen}.webp?download=1`}>
            WebP
          </a>
        </div>
        <a className="button button-ghost" data-testid="download-original" href={`/media/${id}/original`}>
          Original · {originalLabel}
        </a>
      </div>
    </section>
  );
}
