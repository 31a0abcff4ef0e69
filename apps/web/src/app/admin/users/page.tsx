import type { Metadata } from "next";
import { AdminUsers } from "~/components/admin/users.tsx";

export const metadata: Metadata = { title: "Users" };

export default function AdminUsersPage() {
  return (
    <>
      <h1 className="admin-title">Users</h1>
      <AdminUsers />
    </>
  );
}
