import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminShell } from "~/components/admin/shell.tsx";
import "~/components/admin/admin.css";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · WallpaperDB" } };

export default function AdminLayout({ children }: { children: ReactNode }) {
  return <AdminShell>{children}</AdminShell>;
}
