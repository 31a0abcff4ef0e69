"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/trpc/react.tsx";
import { AccountIcon, SettingsIcon, SignOutIcon } from "./icons.tsx";

async function signOut() {
  // better-auth requires a same-origin POST; the JSON body keeps it a CORS-preflighted request type.
  await fetch("/api/auth/sign-out", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  window.location.assign("/");
}

export function UserMenu() {
  const trpc = useTRPC();
  // SessionBoundary prefetches this on the server, so it is only pending if that prefetch failed.
  const me = useQuery(trpc.account.me.queryOptions());
  if (me.isPending) return <span className="user-menu" aria-busy="true" />;
  if (!me.data) {
    return (
      <span className="user-menu">
        <Link href="/sign-in" className="nav-link" aria-label="Sign in">
          <AccountIcon />
          <span className="nav-label">Sign in</span>
        </Link>
      </span>
    );
  }
  return (
    <span className="user-menu">
      <Link
        href="/account"
        className="nav-link user-menu-account"
        data-testid="user-menu-account"
        aria-label={`Your account: ${me.data.name}`}
        title={me.data.name}
      >
        <AccountIcon />
        <span className="user-menu-name">{me.data.name}</span>
        {me.data.role === "user" ? null : <span className="soon user-menu-role">{me.data.role}</span>}
      </Link>
      {/* Not prefetched: rarely opened, and on every page a prefetch would cost each visit a request. */}
      <Link href="/settings" prefetch={false} className="nav-link" aria-label="Settings" title="Settings">
        <SettingsIcon />
        <span className="nav-label">Settings</span>
      </Link>
      <button
        className="button button-ghost nav-button"
        type="button"
        aria-label="Sign out"
        onClick={() => void signOut()}
      >
        <SignOutIcon />
        <span className="nav-label">Sign out</span>
      </button>
    </span>
  );
}
