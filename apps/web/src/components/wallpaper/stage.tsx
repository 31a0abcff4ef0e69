import type { CSSProperties, ReactNode } from "react";
import { InlineVideo } from "./inline-video.tsx";
import { type PictureVariant, WallpaperPicture } from "./picture.tsx";

interface Props {
  id: string;
  width: number;
  height: number;
  variants: PictureVariant[];
  thumbhash: string | null;
  fallbackColor?: string;
  alt: string;
  /** Controls drawn over the frame (the full-size button). */
  children?: ReactNode;
}

/**
 * The whole wallpaper, never cropped: the frame takes the wallpaper's own aspect ratio from its stored
 * width and height, so its box is reserved before any byte loads (no layout shift), and it is as wide
 * as the column allows without growing taller than the stage's share of the window (wallpaper.css).
 */
export function WallpaperStage({
  id,
  width,
  height,
  variants,
  thumbhash,
  fallbackColor,
  alt,
  children,
}: Props) {
  const clip = variants.find((variant) => variant.kind === "clip");
  // Negotiated by Accept (AVIF for the browsers that take it): the pipeline stores no JPEG any more.
  const poster = `/media/${id}/preview`;
  const frame = { "--w": width, "--h": height } as CSSProperties;
  // Never narrower than the frame (it is at most the column and at most the window's height times the
  // aspect), so the browser picks the smallest variant that is still sharp.
  const ratio = (width / height).toFixed(4);
  const sizes = `(max-width: 900px) min(100vw, 100vh * ${ratio}), min(100vw - 380px, 100vh * ${ratio})`;
  return (
    <div className="wallpaper-frame" data-testid="wallpaper-frame" style={frame}>
      {clip ? (
        <InlineVideo src={clip.url} poster={poster} width={width} height={height} />
      ) : (
        <WallpaperPicture
          id={id}
          variants={variants.filter((variant) => variant.kind !== "clip")}
          thumbhash={thumbhash}
          fallbackColor={fallbackColor}
          alt={alt}
          sizes={sizes}
          priority
        />
      )}
      {children}
    </div>
  );
}
