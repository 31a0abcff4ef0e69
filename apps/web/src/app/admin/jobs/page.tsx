import type { Metadata } from "next";
import { AdminJobs } from "~/components/admin/jobs.tsx";

export const metadata: Metadata = { title: "Jobs" };

export default function AdminJobsPage() {
  return (
    <>
      <h1 className="admin-title">Jobs</h1>
      <AdminJobs />
    </>
  );
}
