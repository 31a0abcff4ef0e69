"use client";

import { useEffect, useRef, useState } from "react";
import { thumbhashDataUrl } from "./thumbhash.ts";

export interface PictureVariant {
  kind: string;
  format: string;
  width: number;
  height: number;
  url: string;
}

interface Props {
  id: string;
  variants: PictureVariant[];
  thumbhash: string | null;
  fallbackColor?: string;
  alt: string;
  sizes: string;
  /** "thumb" for grid tiles; "preview" for the detail page (thumb first in srcset, preview for big screens). */
  priority?: boolean;
  className?: string;
}

const order = ["thumb", "preview"] as const;

function srcset(id: string, variants: PictureVariant[], format: string): string {
  const candidates = order.flatMap((kind) => {
    const stored = variants.find((v) => v.kind === kind && v.format === format);
    if (stored) return [`${stored.url} ${stored.width}w`];
    // The preview AVIF is rendered on first request; its unversioned URL redirects to the immutable one.
    const webp = variants.find((v) => v.kind === kind && v.format === "webp");
    if (format === "avif" && kind === "preview" && webp) return [`/media/${id}/preview.avif ${webp.width}w`];
    return [];
  });
  return candidates.join(", ");
}

/**
 * AVIF, WebP and JPEG sources with width descriptors, over the ThumbHash placeholder, fading in once the
 * image has decoded. `complete` is checked after hydration because a server-rendered image may have
 * loaded before React attached its onLoad.
 */
export function WallpaperPicture({
  id,
  variants,
  thumbhash,
  fallbackColor,
  alt,
  sizes,
  priority,
  className,
}: Props) {
  const [loaded, setLoaded] = useState(false);
  const image = useRef<HTMLImageElement>(null);
  useEffect(() => {
    if (image.current?.complete && image.current.naturalWidth > 0) setLoaded(true);
  }, []);
  const jpeg =
    variants.find((v) => v.kind === "thumb" && v.format === "jpeg") ??
    variants.find((v) => v.format === "jpeg");
  const placeholder = thumbhashDataUrl(thumbhash);
  return (
    <span
      className={`picture ${className ?? ""}`}
      data-loaded={loaded}
      data-placeholder={placeholder ? "thumbhash" : "color"}
      style={{
        backgroundColor: fallbackColor,
        backgroundImage: placeholder ? `url(${placeholder})` : undefined,
      }}
    >
      <picture>
        <source type="image/avif" srcSet={srcset(id, variants, "avif")} sizes={sizes} />
        <source type="image/webp" srcSet={srcset(id, variants, "webp")} sizes={sizes} />
        <img
          ref={image}
          src={jpeg?.url}
          srcSet={srcset(id, variants, "jpeg")}
          sizes={sizes}
          alt={alt}
          loading={priority ? "eager" : "lazy"}
          decoding="async"
          onLoad={() => setLoaded(true)}
        />
      </picture>
    </span>
  );
}
