"use client";

import { useState } from "react";

/** The wallpaper's preview rendition; a quiet placeholder while processing has not produced it yet. */
export function AdminPreview({
  wallpaperId,
  alt,
  large,
}: {
  wallpaperId: string;
  alt: string;
  large?: boolean;
}) {
  const [failed, setFailed] = useState(false);
  const className = large ? "admin-preview admin-preview-large" : "admin-preview";
  if (failed) return <div className={`${className} admin-preview-missing`}>no preview yet</div>;
  return (
    <img
      className={className}
      src={`/media/${wallpaperId}/preview`}
      alt={alt}
      loading="lazy"
      onError={() => setFailed(true)}
    />
  );
}
