import type { Metadata } from "next";
import { AdminBulk } from "~/components/admin/bulk.tsx";

export const metadata: Metadata = { title: "Bulk tagging" };

export default function AdminBulkPage() {
  return (
    <>
      <h1 className="admin-title">Bulk tagging</h1>
      <AdminBulk />
    </>
  );
}
