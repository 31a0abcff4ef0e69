"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { authHref } from "~/components/account/return-path.ts";
import { describeError } from "~/components/shared/describe-error.ts";
import { HeartIcon } from "~/components/shared/icons.tsx";
import { useTRPC } from "~/trpc/react.tsx";
import "./favorites.css";

interface Props {
  wallpaperId: string;
  /** "page": a labelled button with the count; "tile": an icon over a gallery tile. */
  variant: "page" | "tile";
  /** A tile's state from the page's batch (`favorite.among`); the page reads `favorite.state` itself. */
  favorited?: boolean;
  /** Told the stored state after each change (a tile updates its count with it). */
  onStored?(state: { favorited: boolean; favoriteCount: number }): void;
}

/**
 * The heart: keeps a wallpaper in the account's favorites, or lets it go. It shows the new state at
 * once and the stored one when the server answers; signed out, it is a link to sign in that comes back
 * here. A button of its own (never inside the tile's link), so keyboard and touch reach it directly.
 */
export function FavoriteButton({ wallpaperId, variant, favorited, onStored }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.account.me.queryOptions());
  const stateOptions = trpc.favorite.state.queryOptions({ wallpaperId });
  const state = useQuery({ ...stateOptions, enabled: variant === "page" });
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const set = useMutation(
    trpc.favorite.set.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(stateOptions.queryKey, next);
        onStored?.(next);
        // Tiles read the batch; "my favorites" lists them: both refetch what changed.
        void queryClient.invalidateQueries({ queryKey: trpc.favorite.among.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.favorite.list.pathKey() });
      },
    }),
  );

  const stored = variant === "page" ? (state.data?.favorited ?? false) : (favorited ?? false);
  // While the request runs, show what was asked for.
  const on = set.isPending && set.variables ? set.variables.favorite : stored;
  const count = variant === "page" ? state.data?.favoriteCount : undefined;
  const className = `favorite favorite-${variant}`;

  if (me.isSuccess && !me.data) {
    const here = `${pathname}${search ? `?${search}` : ""}`;
    return (
      <Link
        className={className}
        href={authHref("/sign-in", here)}
        aria-label="Sign in to keep this wallpaper in your favorites"
        title="Sign in to keep favorites"
        data-testid="favorite"
      >
        <HeartIcon />
        {variant === "page" ? <span>Favorite{count ? ` · ${count}` : ""}</span> : null}
      </Link>
    );
  }
  return (
    <>
      <button
        type="button"
        className={className}
        aria-pressed={on}
        aria-label={on ? "Remove from favorites" : "Add to favorites"}
        title={on ? "Remove from favorites" : "Add to favorites"}
        data-testid="favorite"
        data-on={on}
        disabled={me.isPending}
        onClick={() => set.mutate({ wallpaperId, favorite: !on })}
      >
        <HeartIcon filled={on} />
        {variant === "page" ? (
          <span>
            {on ? "Favorited" : "Favorite"}
            {count !== undefined ? <span className="favorite-count"> · {count}</span> : null}
          </span>
        ) : null}
      </button>
      {set.isError ? (
        <span className="favorite-error" role="alert">
          {describeError(set.error)}
        </span>
      ) : null}
    </>
  );
}
