"use client";

import {
  type CSSProperties,
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useState,
} from "react";
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
  const setSize = useCallback((next: TileSize) => {
    setState(next);
    writeTileSize(next);
  }, []);
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
