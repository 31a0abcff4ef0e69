import type { Metadata } from "next";
import { TagEditor } from "~/components/tags/editor.tsx";

export const metadata: Metadata = { title: "Tags" };

export default function AdminTagsPage() {
  return (
    <>
      <h1 className="admin-title">Tags</h1>
      <TagEditor />
    </>
  );
}
