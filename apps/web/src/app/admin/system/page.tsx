import type { Metadata } from "next";
import { SystemOverview } from "~/components/admin/system-overview.tsx";

export const metadata: Metadata = { title: "System" };

export default function AdminSystemPage() {
  return (
    <>
      <h1 className="admin-title">System</h1>
      <SystemOverview />
    </>
  );
}
