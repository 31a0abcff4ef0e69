import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "WallpaperDB",
    short_name: "WallpaperDB",
    description: "Every wallpaper stored once, found by tag, colour and resolution.",
    start_url: "/",
    display: "standalone",
    background_color: "#0b0d12",
    theme_color: "#0b0d12",
    icons: [
      { src: "/icon", type: "image/svg+xml", sizes: "any" },
      { src: "/icon1/192", type: "image/png", sizes: "192x192" },
      { src: "/icon1/512", type: "image/png", sizes: "512x512" },
    ],
  };
}
