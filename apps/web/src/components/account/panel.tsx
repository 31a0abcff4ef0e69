"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";
import { ApiKeysPanel } from "./api-keys-panel.tsx";
import { DeleteAccountPanel } from "./delete-account-panel.tsx";
import { HandleForm } from "./handle-form.tsx";
import { PasswordPanel } from "./password-panel.tsx";
import { SessionsPanel } from "./sessions-panel.tsx";
import "./account.css";

export function AccountPanel() {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  if (me.isPending) return <p className="muted">Loading…</p>;
  if (me.isError) return <p className="notice notice-bad">{describeError(me.error)}</p>;
  if (!me.data) {
    return (
      <p>
        <Link href="/sign-in">Sign in</Link> to see your account.
      </p>
    );
  }
  if (me.data.mustChangePassword) return <PasswordPanel mustChange />;
  return (
    <>
      <div className="card">
        <dl className="profile">
          <dt>Name</dt>
          <dd>{me.data.name}</dd>
          <dt>Public name</dt>
          <dd>
            <HandleForm username={me.data.username} />
          </dd>
          <dt>Email</dt>
          <dd>{me.data.email}</dd>
          <dt>Role</dt>
          <dd data-testid="account-role">{me.data.role}</dd>
        </dl>
        <p>
          <Link href="/settings" data-testid="account-settings-link">
            Settings
          </Link>
          : purity shown, tag blacklist, gallery defaults, tile size.
        </p>
      </div>
      <ApiKeysPanel />
      <PasswordPanel mustChange={false} />
      <SessionsPanel />
      <DeleteAccountPanel />
    </>
  );
}
