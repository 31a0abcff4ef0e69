import type { Metadata } from "next";
import { Suspense } from "react";
import { TagEditor } from "~/components/tags/editor.tsx";

export const metadata: Metadata = { title: "Tags" };

export default function AdminTagsPage() {
  return (
    <>
      <h1 className="admin-title">Tags</h1>
      {/* The editor reads the selected tag from the address (useSearchParams). */}
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <TagEditor />
      </Suspense>
    </>
  );
}
