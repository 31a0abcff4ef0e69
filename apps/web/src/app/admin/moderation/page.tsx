import type { Metadata } from "next";
import { AdminModeration } from "~/components/admin/moderation.tsx";

export const metadata: Metadata = { title: "Moderation" };

export default function AdminModerationPage() {
  return (
    <>
      <h1 className="admin-title">Moderation</h1>
      <AdminModeration />
    </>
  );
}
