"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";

/** "Your collections": each with its count and visibility, and the "New" form. */
export function CollectionsList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = useQuery(trpc.collection.mine.queryOptions({}));
  const [name, setName] = useState("");
  const [isPublic, setIsPublic] = useState(false);
  const create = useMutation(
    trpc.collection.create.mutationOptions({
      onSuccess: async () => {
        setName("");
        await queryClient.invalidateQueries({ queryKey: trpc.collection.pathKey() });
      },
    }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) create.mutate({ name: name.trim(), isPublic });
  };
  return (
    <>
      <form className="card collection-new" onSubmit={onSubmit} aria-label="New collection">
        <input
          className="input"
          aria-label="Name"
          placeholder="New collection's name"
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <label className="collection-public">
          <input type="checkbox" checked={isPublic} onChange={(event) => setIsPublic(event.target.checked)} />{" "}
          Public
        </label>
        <button className="button" type="submit" disabled={create.isPending || !name.trim()}>
          New
        </button>
        {create.error ? (
          <p className="notice notice-bad" role="alert">
            {describeError(create.error)}
          </p>
        ) : null}
      </form>
      {mine.isError ? (
        <p className="notice notice-bad" role="alert">
          {describeError(mine.error)}
        </p>
      ) : null}
      {mine.data?.length === 0 ? (
        <p className="muted" data-testid="collections-empty">
          No collections yet: name one above, then add wallpapers from their page or from the gallery's select
          mode.
        </p>
      ) : null}
      <ul className="collections-list" data-testid="collections-list">
        {mine.data?.map((collection) => (
          <li key={collection.id}>
            <Link className="collections-row" href={`/collections/${collection.id}`}>
              <span className="collections-row-name">{collection.name}</span>
              <span className="muted">
                {collection.itemCount} {collection.itemCount === 1 ? "wallpaper" : "wallpapers"}
              </span>
              <span className={`badge ${collection.isPublic ? "badge-ok" : "badge-pending"}`}>
                {collection.isPublic ? "Public" : "Private"}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
