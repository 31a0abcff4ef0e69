export type ImageFormat = "jpeg" | "png" | "webp" | "avif" | "heif" | "gif";
export type VideoFormat = "mp4" | "mov" | "webm" | "mkv";

/** Everything we recognise only in order to refuse it with a message that names it. */
export type RejectedFamily =
  | "empty"
  | "svg"
  | "xml"
  | "html"
  | "pdf"
  | "postscript"
  | "tiff"
  | "bmp"
  | "psd"
  | "ico"
  | "jpeg2000"
  | "jpegxl"
  | "zip"
  | "gzip"
  | "archive"
  | "executable"
  | "audio"
  | "other-video"
  | "playlist"
  | "ffconcat"
  | "text"
  | "unknown";

export type Sniffed =
  | { kind: "image"; format: ImageFormat; mimeType: string }
  | { kind: "video"; format: VideoFormat; mimeType: string }
  | { kind: "rejected"; family: RejectedFamily };

export const imageMimeTypes: Record<ImageFormat, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  heif: "image/heif",
  gif: "image/gif",
};

export const videoMimeTypes: Record<VideoFormat, string> = {
  mp4: "video/mp4",
  mov: "video/quicktime",
  webm: "video/webm",
  mkv: "video/x-matroska",
};

// Plural nouns so that messages read "<label> are not accepted".
const familyLabels: Record<RejectedFamily, string> = {
  empty: "Empty files",
  svg: "SVG images",
  xml: "XML documents",
  html: "HTML pages",
  pdf: "PDF documents",
  postscript: "PostScript documents",
  tiff: "TIFF images",
  bmp: "BMP images",
  psd: "Photoshop documents",
  ico: "Icon files",
  jpeg2000: "JPEG 2000 images",
  jpegxl: "JPEG XL images",
  zip: "ZIP archives (including Office documents)",
  gzip: "gzip-compressed files",
  archive: "Archives",
  executable: "Programs",
  audio: "Audio files",
  "other-video": "Videos in this container format",
  playlist: "Media playlists (M3U/M3U8)",
  ffconcat: "ffmpeg concat lists",
  text: "Text files",
  unknown: "Files of this type",
};

export const acceptedFormatsHint =
  "Upload a JPEG, PNG, WebP, AVIF, HEIF or GIF image, or an MP4, MOV or WebM video.";

export function rejectionMessage(family: RejectedFamily): string {
  if (family === "unknown") return `This file type is not recognised. ${acceptedFormatsHint}`;
  return `${familyLabels[family]} are not accepted. ${acceptedFormatsHint}`;
}
