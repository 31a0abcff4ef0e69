"use client";

import { useQuery } from "@tanstack/react-query";
import { canCurate } from "@wallpaperdb/auth/roles";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useRef } from "react";
import { useTRPC } from "~/trpc/react.tsx";

const sections = [
  { href: "/admin/tags", label: "Tags" },
  { href: "/admin/tag", label: "Tagging" },
  { href: "/admin/bulk", label: "Bulk tagging" },
  { href: "/admin/tag-requests", label: "Tag requests" },
  { href: "/admin/moderation", label: "Moderation" },
  { href: "/admin/duplicates", label: "Duplicates" },
  { href: "/admin/jobs", label: "Jobs" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/system", label: "System" },
] as const;

/** Sub-navigation and the role gate; every procedure checks the role again on the server. */
export function AdminShell({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const pathname = usePathname();
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    // On a phone the sub-navigation scrolls sideways; bring the current section into view.
    const bar = nav.current;
    const current = bar?.querySelector<HTMLElement>("[aria-current=page]");
    if (!bar || !current || pathname === null) return;
    bar.scrollLeft = current.offsetLeft - bar.offsetLeft - (bar.clientWidth - current.offsetWidth) / 2;
  }, [pathname]);
  let body = children;
  if (me.isPending) body = <p className="muted">Loading…</p>;
  else if (!me.data) {
    body = (
      <p className="notice">
        <Link href="/sign-in">Sign in</Link> with a curator or admin account to use these tools.
      </p>
    );
  } else if (!canCurate(me.data.role)) {
    body = (
      <p className="notice notice-bad">These tools are for curators and admins; your account is a user.</p>
    );
  }
  return (
    <div className="admin-page">
      <nav className="admin-nav" aria-label="Admin" ref={nav}>
        {sections.map((section) => (
          <Link
            key={section.href}
            href={section.href}
            className="admin-nav-link"
            aria-current={
              pathname === section.href || pathname.startsWith(`${section.href}/`) ? "page" : undefined
            }
          >
            {section.label}
          </Link>
        ))}
      </nav>
      {body}
    </div>
  );
}
