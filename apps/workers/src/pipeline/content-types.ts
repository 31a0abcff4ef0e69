const contentTypes: Record<string, string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpeg: "image/jpeg",
  png: "image/png",
  mp4: "video/mp4",
};

export function contentTypeOf(format: string): string {
  return contentTypes[format] ?? "application/octet-stream";
}
