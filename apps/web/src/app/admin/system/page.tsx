import type { Metadata } from "next";
import { SystemOverview } from "./system-overview.tsx";

export const metadata: Metadata = { title: "System" };

export default function AdminSystemPage() {
  return (
    <>
      <h1 className="admin-title">System</h1>
      <SystemOverview />
    </>
  );
}
