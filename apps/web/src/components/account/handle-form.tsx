"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { uploaderHref } from "~/components/users/uploader-query.ts";
import { useTRPC } from "~/trpc/react.tsx";

/** My public handle: the address of my uploader page and the name in `uploader:<name>`. */
export function HandleForm({ username }: { username: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const save = useMutation(
    trpc.account.setUsername.mutationOptions({
      onSuccess: async () => {
        setEditing(false);
        await queryClient.invalidateQueries({ queryKey: trpc.account.me.queryKey() });
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({ username: String(new FormData(event.currentTarget).get("username") ?? "") });
  }

  if (!editing) {
    return (
      <span className="handle-row">
        <Link href={uploaderHref(username)} data-testid="account-username">
          @{username}
        </Link>
        <button className="button button-ghost" type="button" onClick={() => setEditing(true)}>
          Change
        </button>
      </span>
    );
  }
  return (
    <form className="inline-form" onSubmit={submit}>
      <input
        className="input"
        name="username"
        aria-label="Public name"
        defaultValue={username}
        pattern="[a-zA-Z0-9][a-zA-Z0-9_\-]{1,29}"
        title="2 to 30 letters, digits, - or _"
        required
        maxLength={30}
      />
      <button className="button" type="submit" disabled={save.isPending}>
        Save
      </button>
      <button className="button button-ghost" type="button" onClick={() => setEditing(false)}>
        Cancel
      </button>
      {save.isError ? (
        <p className="notice notice-bad" role="alert">
          {describeError(save.error)}
        </p>
      ) : null}
    </form>
  );
}
