"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import {
  type CSSProperties,
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useState,
} from "react";
import { useTRPC } from "~/trpc/react.tsx";
import { DEFAULT_TILE_SIZE, type TileSize, tileSizeVars, writeTileSize } from "./tile-size.ts";

interface TileSizeState {
  size: TileSize;
  setSize(size: TileSize): void;
}

const TileSizeContext = createContext<TileSizeState>({ size: DEFAULT_TILE_SIZE, setSize: () => {} });

export function useTileSize(): TileSizeState {
  return useContext(TileSizeContext);
}

/**
 * The gallery page's root: it carries the tile size as CSS variables, so a change re-lays the rows at
 * once, and hands it to the tiles (their `sizes`) and the filter bar's control. `initial` comes from the
 * request's cookie, so the first paint already has the chosen rows.
 */
export function GalleryFrame({ initial, children }: { initial: TileSize; children: ReactNode }) {
  const [size, setState] = useState(initial);
  const trpc = useTRPC();
  const signedIn = Boolean(useQuery(trpc.account.me.queryOptions()).data);
  const { mutate: saveToAccount } = useMutation(trpc.settings.update.mutationOptions());
  const setSize = useCallback(
    (next: TileSize) => {
      setState(next);
      writeTileSize(next);
      // An account keeps it in its settings, so it follows it to other devices.
      if (signedIn) saveToAccount({ tileSize: next });
    },
    [signedIn, saveToAccount],
  );
  const value = useMemo(() => ({ size, setSize }), [size, setSize]);
  return (
    <TileSizeContext value={value}>
      <div
        className="gallery-page page-wide"
        data-tile-size={size}
        style={tileSizeVars(size) as CSSProperties}
      >
        {children}
      </div>
    </TileSizeContext>
  );
}
