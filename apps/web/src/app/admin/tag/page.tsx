import type { Metadata } from "next";
import { TagQueueStart } from "~/components/tags/queue-start.tsx";

export const metadata: Metadata = { title: "Tagging" };

export default function AdminTagQueuePage() {
  return (
    <>
      <h1 className="admin-title">Tagging</h1>
      <TagQueueStart />
    </>
  );
}
