"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { TileGrid } from "~/components/gallery/tile-grid.tsx";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";
import { ArrangeCollection } from "./arrange.tsx";
import { collectionItemsOptions } from "./options.ts";

/** A collection's page: its name, owner, count and visibility, its wallpapers in order, the owner's tools. */
export function CollectionView({ collectionId }: { collectionId: string }) {
  const trpc = useTRPC();
  const summary = useQuery(trpc.collection.byId.queryOptions({ collectionId }));
  const list = useInfiniteQuery(collectionItemsOptions(trpc, collectionId));
  const [arranging, setArranging] = useState(false);
  const queryClient = useQueryClient();
  if (summary.isError || list.isError) {
    return (
      <div className="gallery-state notice notice-bad" role="alert">
        {describeError(summary.error ?? list.error)}
      </div>
    );
  }
  if (!summary.data) return null;
  const collection = summary.data;
  const cards = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <header className="collection-head">
        <div className="collection-head-text">
          <h1 data-testid="collection-name">{collection.name}</h1>
          <p className="muted collection-facts">
            <span>by {collection.ownerName}</span>
            <span data-testid="collection-count">
              {collection.itemCount} {collection.itemCount === 1 ? "wallpaper" : "wallpapers"}
            </span>
            <span
              className={`badge ${collection.isPublic ? "badge-ok" : "badge-pending"}`}
              data-testid="collection-visibility"
            >
              {collection.isPublic ? "Public" : "Private"}
            </span>
            {collection.isPublic ? (
              <a href={`/collections/${collection.id}/feed`} data-testid="collection-feed">
                Feed
              </a>
            ) : null}
          </p>
          {collection.description ? <p className="collection-description">{collection.description}</p> : null}
        </div>
        {collection.own ? (
          <div className="collection-head-tools">
            <button
              type="button"
              className="button button-small"
              aria-pressed={arranging}
              disabled={cards.length < 2 && !arranging}
              onClick={() => {
                if (arranging)
                  void queryClient.invalidateQueries({ queryKey: trpc.collection.items.pathKey() });
                setArranging(!arranging);
              }}
            >
              {arranging ? "Done arranging" : "Arrange"}
            </button>
          </div>
        ) : null}
      </header>
      {collection.own ? (
        <OwnerTools collectionId={collectionId} name={collection.name} isPublic={collection.isPublic} />
      ) : null}
      {list.isPending ? (
        <div className="gallery-state muted" aria-busy="true">
          Loading the collection…
        </div>
      ) : cards.length === 0 ? (
        <div className="gallery-state gallery-empty" data-testid="collection-empty">
          <h2>Nothing here yet</h2>
          <p className="muted">
            {collection.own
              ? "Add wallpapers from their page, or select several in the gallery and add them together."
              : "This collection is empty."}
          </p>
        </div>
      ) : arranging ? (
        <ArrangeCollection collectionId={collectionId} cards={cards} />
      ) : (
        <TileGrid
          cards={{
            pages: list.data.pages,
            hasNextPage: list.hasNextPage,
            isFetchingNextPage: list.isFetchingNextPage,
            fetchNextPage: list.fetchNextPage,
          }}
        />
      )}
    </>
  );
}

/** Rename, make public or private, delete. */
function OwnerTools({
  collectionId,
  name,
  isPublic,
}: {
  collectionId: string;
  name: string;
  isPublic: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [draft, setDraft] = useState(name);
  const [confirming, setConfirming] = useState(false);
  const onDone = () => queryClient.invalidateQueries({ queryKey: trpc.collection.pathKey() });
  // What was just asked for, shown until the page comes back with it (or the change fails).
  const [wantPublic, setWantPublic] = useState<boolean | null>(null);
  const update = useMutation(
    trpc.collection.update.mutationOptions({
      onSettled: async () => {
        await onDone();
        setWantPublic(null);
      },
    }),
  );
  const remove = useMutation(
    trpc.collection.delete.mutationOptions({
      onSuccess: async () => {
        await onDone();
        router.push("/collections");
      },
    }),
  );
  const onRename = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() && draft.trim() !== name) update.mutate({ collectionId, name: draft.trim() });
  };
  return (
    <div className="collection-owner" data-testid="collection-owner">
      <form className="collection-rename" onSubmit={onRename}>
        <input
          className="input"
          aria-label="Collection name"
          maxLength={100}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button
          className="button button-ghost button-small"
          type="submit"
          disabled={update.isPending || !draft.trim() || draft.trim() === name}
        >
          Rename
        </button>
      </form>
      <label className="collection-public">
        <input
          type="checkbox"
          checked={wantPublic ?? isPublic}
          disabled={update.isPending}
          onChange={(event) => {
            setWantPublic(event.target.checked);
            update.mutate({ collectionId, isPublic: event.target.checked });
          }}
        />{" "}
        Public
      </label>
      {confirming ? (
        <span className="collection-delete">
          <button
            type="button"
            className="button button-danger button-small"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ collectionId })}
          >
            Delete for good
          </button>
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => setConfirming(false)}
          >
            Keep it
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={() => setConfirming(true)}
        >
          Delete…
        </button>
      )}
      {update.error || remove.error ? (
        <p className="notice notice-bad" role="alert">
          {describeError(update.error ?? remove.error)}
        </p>
      ) : null}
    </div>
  );
}
