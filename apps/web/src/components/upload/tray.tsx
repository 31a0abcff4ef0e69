"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { FINISHED, type UploadItem } from "./queue.ts";
import "./tray.css";

/** While files upload in the background, every other page shows how far they are and the way back. */
export function UploadTray({ items }: { items: readonly UploadItem[] }) {
  const pathname = usePathname();
  const running = items.filter((item) => !FINISHED.has(item.state));
  if (pathname === "/upload" || running.length === 0) return null;
  const size = running.reduce((sum, item) => sum + item.file.size, 0);
  const done = running.reduce((sum, item) => sum + Math.min(item.bytesDone, item.file.size), 0);
  const percent = size > 0 ? Math.round((done / size) * 100) : 0;
  return (
    <Link href="/upload" className="upload-tray" data-testid="upload-tray" aria-live="polite">
      <span className="upload-tray-spinner" aria-hidden="true" />
      Uploading {running.length} file{running.length === 1 ? "" : "s"} · {percent}%
    </Link>
  );
}
