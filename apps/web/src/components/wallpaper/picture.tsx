"use client";

import { IMAGE_VARIANT_KINDS } from "@wallpaperdb/imaging/variant-kinds";
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
  /** The width the image is shown at; the browser picks the smallest variant that covers it. */
  sizes: string;
  /** Above the fold, likely the largest paint: fetched at high priority as soon as it is laid out. */
  priority?: boolean;
  className?: string;
}

/**
 * Every kind the wallpaper has (thumb 640, medium 1170, preview 2560 px wide for a landscape), with width
 * descriptors. The pipeline stores AVIF; another format's unversioned URL makes the media route render
 * it once, store it and redirect to its immutable URL, so it is listed with the stored sibling's width
 * (same size by construction). A kind without any row (a wallpaper processed before that kind existed,
 * until the variants step is re-run) is left out, and the browser picks among the others.
 */
function srcset(id: string, variants: PictureVariant[], format: string): string {
  const candidates = IMAGE_VARIANT_KINDS.flatMap((kind) => {
    const ofKind = variants.filter((v) => v.kind === kind);
    const stored = ofKind.find((v) => v.format === format);
    if (stored) return [`${stored.url} ${stored.width}w`];
    const sibling = ofKind[0];
    return sibling ? [`/media/${id}/${kind}.${format} ${sibling.width}w`] : [];
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
  // For browsers without srcset only: the smallest JPEG, stored or rendered on request.
  const jpeg =
    variants.find((v) => v.kind === "thumb" && v.format === "jpeg")?.url ?? `/media/${id}/thumb.jpeg`;
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
          src={jpeg}
          srcSet={srcset(id, variants, "jpeg")}
          sizes={sizes}
          alt={alt}
          // Lazy even with priority: Chromium's preload scanner picks an eager image's candidate before the
          // viewport meta applies, against a 980 px layout viewport, so a phone fetched the 2560 px preview
          // and then the medium (138 KB against 38 KB, e2e/responsive-images.spec.ts under mobile
          // emulation). A lazy image is picked at its first layout, when the viewport is final; in view,
          // it starts loading then, at high priority.
          loading="lazy"
          fetchPriority={priority ? "high" : "auto"}
          decoding="async"
          onLoad={() => setLoaded(true)}
        />
      </picture>
    </span>
  );
}
