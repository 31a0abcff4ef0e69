"use client";

import { useEffect, useRef } from "react";

interface Props {
  src: string;
  poster: string;
  width: number;
  height: number;
}

/**
 * The video plays inline at once, silent and looping like a live wallpaper, unless the visitor asked
 * for less motion (`prefers-reduced-motion`): then it waits on its poster for the play control. Started
 * from script rather than the `autoplay` attribute, which cannot ask that question.
 */
export function InlineVideo({ src, poster, width, height }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (window.matchMedia("(prefers-reduced-motion: reduce)").matches) return;
    // A browser that refuses (a saved power mode) leaves the controls to the visitor.
    video.current?.play().catch(() => {});
  }, []);
  return (
    <video
      ref={video}
      data-testid="wallpaper-video"
      src={src}
      poster={poster}
      width={width}
      height={height}
      controls
      loop
      muted
      playsInline
    />
  );
}
