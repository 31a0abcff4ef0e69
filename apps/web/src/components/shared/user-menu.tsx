"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/trpc/react.tsx";

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
  const me = useQuery(trpc.account.me.queryOptions());
  if (me.isPending) return <span className="user-menu" aria-busy="true" />;
  if (!me.data) {
    return (
      <span className="user-menu">
        <Link href="/sign-in" className="nav-link">
          Sign in
        </Link>
      </span>
    );
  }
  return (
    <span className="user-menu">
      <Link href="/account" className="nav-link" data-testid="user-menu-account">
        {me.data.name}
        {me.data.role === "user" ? null : <span className="soon">{me.data.role}</span>}
      </Link>
      <button className="button button-ghost" type="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </span>
  );
}
