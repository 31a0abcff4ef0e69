"use client";

import { type KeyboardEvent, type PointerEvent, useLayoutEffect, useRef, useState } from "react";
import { type PictureVariant, WallpaperPicture } from "./picture.tsx";
import { clampOffset, fitScale, type Point, type Size, zoomAround, zoomScale } from "./zoom.ts";

export interface FullViewProps {
  id: string;
  width: number;
  height: number;
  variants: PictureVariant[];
  thumbhash: string | null;
  /** The image shown when zoomed (see full-size.ts). */
  originalUrl: string;
  alt: string;
}

interface ViewState {
  zoomed: boolean;
  scale: number;
  offset: Point;
}

function fitted(image: Size, screen: Size): ViewState {
  const scale = fitScale(image, screen);
  return { zoomed: false, scale, offset: clampOffset({ x: 0, y: 0 }, image, scale, screen) };
}

/**
 * The image over the page in a modal dialog (Esc closes it natively), fitted to the screen. A click, a
 * tap or `+` zooms around that point to actual pixels and loads the original over the preview; dragging
 * pans (pointer events, so touch works too); another click, `-` or `0` fits it again.
 */
export function FullViewDialog({
  id,
  width,
  height,
  variants,
  thumbhash,
  originalUrl,
  alt,
  onClose,
}: FullViewProps & { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const drag = useRef<{ pointer: number; start: Point; from: Point; moved: boolean } | null>(null);
  const [screen, setScreen] = useState<Size | null>(null);
  const [view, setView] = useState<ViewState | null>(null);
  const [wantOriginal, setWantOriginal] = useState(false);
  const [originalLoaded, setOriginalLoaded] = useState(false);
  const image = { width, height };

  useLayoutEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
    const element = canvas.current;
    if (!element) return;
    const measure = () => {
      const size = { width: element.clientWidth, height: element.clientHeight };
      setScreen(size);
      // A new window size starts from the fitted view again.
      setView(fitted({ width, height }, size));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [width, height]);

  const zoomIn = (at: Point | null) => {
    if (!screen || !view || view.zoomed) return;
    const scale = zoomScale(image, screen, window.devicePixelRatio || 1);
    const point = at ?? { x: screen.width / 2, y: screen.height / 2 };
    const offset = clampOffset(zoomAround(point, view.offset, view.scale, scale), image, scale, screen);
    setView({ zoomed: true, scale, offset });
    setWantOriginal(true);
  };
  const fit = () => {
    if (screen) setView(fitted(image, screen));
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || !view) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const start = { x: event.clientX, y: event.clientY };
    drag.current = { pointer: event.pointerId, start, from: view.offset, moved: false };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current || current.pointer !== event.pointerId || !screen) return;
    const dx = event.clientX - current.start.x;
    const dy = event.clientY - current.start.y;
    // A few pixels of jitter is still a click (a tap on a touch screen always moves a little).
    if (!current.moved && Math.hypot(dx, dy) < 6) return;
    current.moved = true;
    const to = { x: current.from.x + dx, y: current.from.y + dy };
    setView((state) =>
      state?.zoomed ? { ...state, offset: clampOffset(to, image, state.scale, screen) } : state,
    );
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    drag.current = null;
    if (!current || current.moved || current.pointer !== event.pointerId) return;
    const rect = event.currentTarget.getBoundingClientRect();
    if (view?.zoomed) fit();
    else zoomIn({ x: event.clientX - rect.left, y: event.clientY - rect.top });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === "+" || event.key === "=") zoomIn(null);
    else if (event.key === "-" || event.key === "0") fit();
    else if (event.key === "f") dialog.current?.close();
    else return;
    event.preventDefault();
  };

  // The scale in device pixels per image pixel: 100 % is the original's actual pixels.
  const percent = view ? Math.round(view.scale * (window.devicePixelRatio || 1) * 100) : 0;
  return (
    <dialog
      ref={dialog}
      className="full-view"
      data-testid="full-view"
      data-zoomed={view?.zoomed ?? false}
      aria-label={`${alt}, full size`}
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      <div
        ref={canvas}
        className="full-view-canvas"
        // A pointer surface; the keyboard has + and - on the dialog and the buttons in the bar.
        role="application"
        aria-label="Click to zoom, drag to move"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        // The browser's own image drag would cancel the pointer and with it the pan.
        onDragStart={(event) => event.preventDefault()}
        onPointerCancel={() => {
          drag.current = null;
        }}
      >
        {view ? (
          <div
            className="full-view-image"
            data-testid="full-view-image"
            style={{
              width,
              height,
              transform: `translate(${view.offset.x}px, ${view.offset.y}px) scale(${view.scale})`,
            }}
          >
            <WallpaperPicture
              id={id}
              variants={variants}
              thumbhash={thumbhash}
              alt={alt}
              sizes="100vw"
              priority
            />
            {wantOriginal ? (
              <img
                className="full-view-original"
                data-testid="full-view-original"
                data-loaded={originalLoaded}
                src={originalUrl}
                alt=""
                draggable={false}
                onLoad={() => setOriginalLoaded(true)}
              />
            ) : null}
          </div>
        ) : null}
      </div>
      <div className="full-view-bar">
        <span className="full-view-hint">
          {view?.zoomed ? "Drag to move · click to fit" : "Click to zoom"} · Esc to close
        </span>
        <span className="full-view-percent" data-testid="full-view-percent">
          {percent} %
        </span>
        <button
          type="button"
          className="button button-ghost"
          data-testid="full-view-zoom"
          aria-keyshortcuts={view?.zoomed ? "-" : "+"}
          onClick={() => (view?.zoomed ? fit() : zoomIn(null))}
        >
          {view?.zoomed ? "Fit" : "Zoom"}
        </button>
        <button
          type="button"
          className="button button-ghost"
          data-testid="full-view-close"
          onClick={() => dialog.current?.close()}
        >
          Close
        </button>
      </div>
    </dialog>
  );
}
