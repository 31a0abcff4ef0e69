"use client";

import { useQuery } from "@tanstack/react-query";
import { canCurate } from "@wallpaperdb/auth/roles";
import Link from "next/link";
import { AdminIcon } from "~/components/shared/icons.tsx";
import { useTRPC } from "~/trpc/react.tsx";

/** The header's Admin entry, only for the roles that can use it. */
export function AdminNavLink() {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  if (!me.data || !canCurate(me.data.role)) return null;
  return (
    <Link href="/admin/tags" className="nav-link" aria-label="Admin">
      <AdminIcon />
      <span className="nav-label">Admin</span>
    </Link>
  );
}
