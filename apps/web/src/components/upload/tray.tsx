"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { isActive, type UploadItem } from "./queue.ts";
import "./tray.css";

/**
 * While files upload in the background, every other page shows how far they are and the way back;
 * after a reload it also says which transfers wait for their file to be chosen again.
 */
export function UploadTray({ items }: { items: readonly UploadItem[] }) {
  const pathname = usePathname();
  const running = items.filter((item) => isActive(item.state));
  const interrupted = items.filter((item) => item.state === "interrupted").length;
  if (pathname === "/upload" || (running.length === 0 && interrupted === 0)) return null;
  const size = running.reduce((sum, item) => sum + item.file.size, 0);
  const done = running.reduce((sum, item) => sum + Math.min(item.bytesDone, item.file.size), 0);
  const percent = size > 0 ? Math.round((done / size) * 100) : 0;
  const parts: string[] = [];
  if (running.length > 0)
    parts.push(`Uploading ${running.length} file${running.length === 1 ? "" : "s"} · ${percent}%`);
  if (interrupted > 0)
    parts.push(
      `${interrupted} upload${interrupted === 1 ? "" : "s"} interrupted: choose the file${interrupted === 1 ? "" : "s"} again`,
    );
  return (
    <Link href="/upload" className="upload-tray" data-testid="upload-tray" aria-live="polite">
      {running.length > 0 ? <span className="upload-tray-spinner" aria-hidden="true" /> : null}
      {parts.join(" · ")}
    </Link>
  );
}
