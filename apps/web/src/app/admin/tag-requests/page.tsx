import type { Metadata } from "next";
import { TagRequestQueue } from "~/components/tag-requests/admin-queue.tsx";

export const metadata: Metadata = { title: "Tag requests" };

export default function AdminTagRequestsPage() {
  return (
    <>
      <h1 className="admin-title">Tag requests</h1>
      <TagRequestQueue />
    </>
  );
}
