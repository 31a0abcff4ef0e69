"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { authHref } from "~/components/account/return-path.ts";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";
import "./collections.css";

interface Props {
  /** One wallpaper (its page) or a selection (the gallery's bulk bar). */
  wallpaperIds: readonly string[];
  /** Which edge the menu lines up with: the button's left (a toolbar) or right (a side panel). */
  align?: "start" | "end";
  className?: string;
}

/**
 * "Add to collection": a menu of the account's collections with a checkmark on those holding the
 * wallpapers (a dash when some of a selection are in), ticking adds and unticking removes, and "New
 * collection…" that creates one and adds them to it. Signed out, a link to sign in that comes back.
 */
export function AddToCollection({ wallpaperIds, align = "start", className }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.account.me.queryOptions());
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState("");
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const ids = [...wallpaperIds];
  const mine = useQuery({ ...trpc.collection.mine.queryOptions({ containing: ids }), enabled: open });
  // What was just asked for, shown until the list comes back with it (or the change fails).
  const [wanted, setWanted] = useState<Record<string, boolean>>({});
  const onDone = () => queryClient.invalidateQueries({ queryKey: trpc.collection.pathKey() });
  const settle = async (collectionId: string) => {
    await onDone();
    setWanted(({ [collectionId]: _, ...rest }) => rest);
  };
  const toggle = {
    onSettled: (_: unknown, __: unknown, input: { collectionId: string }) => settle(input.collectionId),
  };
  const add = useMutation(trpc.collection.add.mutationOptions(toggle));
  const remove = useMutation(trpc.collection.remove.mutationOptions(toggle));
  const create = useMutation(trpc.collection.create.mutationOptions());

  useEffect(() => {
    if (!open) return;
    // Esc or a press outside closes the menu, and Esc gives the focus back to its button.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.stopPropagation();
      setOpen(false);
      root.current?.querySelector<HTMLButtonElement>(".collection-picker-toggle")?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  if (me.isSuccess && !me.data) {
    return (
      <Link
        className={`button button-ghost button-small ${className ?? ""}`}
        href={authHref("/sign-in", pathname)}
      >
        Sign in to collect
      </Link>
    );
  }

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    const made = await create.mutateAsync({ name: trimmed });
    if (ids.length > 0) await add.mutateAsync({ collectionId: made.id, wallpaperIds: ids });
    else await onDone();
    setName("");
    setCreating(false);
  };
  const error = add.error ?? remove.error ?? create.error ?? mine.error;
  const busy = add.isPending || remove.isPending || create.isPending;

  return (
    <div className={`collection-picker collection-picker-${align} ${className ?? ""}`} ref={root}>
      <button
        type="button"
        className="button button-ghost button-small collection-picker-toggle"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={ids.length === 0 || me.isPending}
        onClick={() => setOpen(!open)}
        data-testid="add-to-collection"
      >
        Add to collection{ids.length > 1 ? ` (${ids.length})` : ""}
      </button>
      {open ? (
        <div className="collection-picker-menu" id={menuId}>
          {mine.isPending ? <p className="muted">Loading your collections…</p> : null}
          {mine.data?.length === 0 ? <p className="muted">No collections yet.</p> : null}
          {mine.data && mine.data.length > 0 ? (
            <ul className="collection-picker-list" aria-label="Your collections">
              {mine.data.map((collection) => {
                const all = wanted[collection.id] ?? collection.contains === ids.length;
                return (
                  <li key={collection.id}>
                    <label className="collection-picker-item">
                      <input
                        type="checkbox"
                        checked={all}
                        ref={(input) => {
                          if (input)
                            input.indeterminate =
                              collection.contains > 0 && !all && !(collection.id in wanted);
                        }}
                        disabled={busy}
                        onChange={() => {
                          const input = { collectionId: collection.id, wallpaperIds: ids };
                          setWanted((current) => ({ ...current, [collection.id]: !all }));
                          if (all) remove.mutate(input);
                          else add.mutate(input);
                        }}
                      />
                      <span className="collection-picker-name">{collection.name}</span>
                      <span className="muted collection-picker-meta">
                        {collection.isPublic ? "public" : "private"} · {collection.itemCount}
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          ) : null}
          {creating ? (
            <form className="collection-picker-new" onSubmit={onCreate}>
              <input
                className="input"
                aria-label="New collection's name"
                placeholder="Name"
                maxLength={100}
                value={name}
                // biome-ignore lint/a11y/noAutofocus: the user just asked for this field.
                autoFocus
                onChange={(event) => setName(event.target.value)}
              />
              <button className="button button-small" type="submit" disabled={busy || !name.trim()}>
                Create
              </button>
            </form>
          ) : (
            <button type="button" className="collection-picker-create" onClick={() => setCreating(true)}>
              New collection…
            </button>
          )}
          {error ? (
            <p className="notice notice-bad" role="alert">
              {describeError(error)}
            </p>
          ) : null}
          <Link className="collection-picker-manage" href="/collections">
            Your collections →
          </Link>
        </div>
      ) : null}
    </div>
  );
}
