"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { uploaderHref } from "~/components/users/uploader-query.ts";
import { useTRPC } from "~/trpc/react.tsx";

/**
 * Accounts, for admins: find one, disable or enable it (a disabled account cannot sign in or use its
 * API keys, and its sessions end at once), or give it a one-time password to hand over in person (no
 * mail server needed); the owner must choose their own at the next sign-in.
 */
export function AdminUsers() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.account.me.queryOptions());
  const [query, setQuery] = useState("");
  const list = useQuery({
    ...trpc.account.admin.users.list.queryOptions({ query: query || undefined, limit: 100 }),
    enabled: me.data?.role === "admin",
  });
  const [oneTime, setOneTime] = useState<{ email: string; password: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.admin.users.list.queryKey() });
  const disable = useMutation(trpc.account.admin.users.setDisabled.mutationOptions({ onSuccess: refresh }));
  const reset = useMutation(
    trpc.account.admin.users.setOneTimePassword.mutationOptions({ onSuccess: refresh }),
  );

  if (me.data && me.data.role !== "admin") {
    return <p className="notice notice-bad">Accounts are managed by admins.</p>;
  }

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setQuery(String(new FormData(event.currentTarget).get("query") ?? "").trim());
  }

  const error = disable.error ?? reset.error ?? list.error;
  return (
    <>
      <form className="inline-form" onSubmit={search} aria-label="Account search">
        <input className="input" name="query" aria-label="Find an account" placeholder="Name or email" />
        <button className="button" type="submit">
          Find
        </button>
      </form>
      {error ? (
        <p className="notice notice-bad" role="alert">
          {describeError(error)}
        </p>
      ) : null}
      {oneTime ? (
        <div className="notice notice-ok" role="status">
          <strong>One-time password for {oneTime.email}: hand it over now, it is not shown again.</strong>
          <code className="secret" data-testid="one-time-password">
            {oneTime.password}
          </code>
        </div>
      ) : null}
      <table className="admin-table" data-testid="admin-users">
        <thead>
          <tr>
            <th>Account</th>
            <th>Email</th>
            <th>Role</th>
            <th>State</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.users ?? []).map((user) => {
            const self = user.id === me.data?.id;
            return (
              <tr key={user.id} data-testid="admin-user-row" data-email={user.email}>
                <td>
                  <a href={uploaderHref(user.username)}>{user.name}</a>{" "}
                  <span className="muted">@{user.username}</span>
                </td>
                <td>{user.email}</td>
                <td>{user.role}</td>
                <td>
                  {user.disabledAt ? <span className="cell-bad">disabled</span> : "active"}
                  {user.mustChangePassword ? <span className="muted"> · one-time password</span> : null}
                </td>
                <td>
                  {self ? (
                    <span className="muted">you</span>
                  ) : (
                    <span className="admin-actions">
                      <button
                        className={user.disabledAt ? "button button-ghost" : "button button-danger"}
                        type="button"
                        disabled={disable.isPending}
                        onClick={() => disable.mutate({ userId: user.id, disabled: !user.disabledAt })}
                      >
                        {user.disabledAt ? "Enable" : "Disable"}
                      </button>
                      <button
                        className="button button-ghost"
                        type="button"
                        disabled={reset.isPending}
                        onClick={() =>
                          reset.mutate(
                            { userId: user.id },
                            { onSuccess: ({ password }) => setOneTime({ email: user.email, password }) },
                          )
                        }
                      >
                        One-time password
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {list.data ? (
        <p className="muted">
          {list.data.users.length} of {list.data.total} account{list.data.total === 1 ? "" : "s"}
        </p>
      ) : null}
    </>
  );
}
