"use client";

import { type KeyboardEvent, type PointerEvent, useEffect, useLayoutEffect, useRef, useState } from "react";
import { BrowseButtons, useBrowse } from "./browse.tsx";
import { swipeDirection } from "./neighbours.ts";
import { type PictureVariant, WallpaperPicture } from "./picture.tsx";
import {
  clampOffset,
  fitScale,
  isZoomed,
  type Point,
  pinchView,
  type Size,
  type View,
  wheelFactor,
  zoomScale,
  zoomViewAround,
} from "./zoom.ts";

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

function fitted(image: Size, screen: Size): View {
  const scale = fitScale(image, screen);
  return { scale, offset: clampOffset({ x: 0, y: 0 }, image, scale, screen) };
}

/** Two taps this close in time and place are a double tap (a double click, for a mouse). */
const DOUBLE_TAP_MS = 300;
const DOUBLE_TAP_PX = 30;

type Gesture =
  | { kind: "drag"; pointer: number; start: Point; from: Point; moved: boolean }
  | { kind: "pinch"; start: View; from: { mid: Point; distance: number } };

function twoFingers(pointers: Map<number, Point>): { mid: Point; distance: number } | null {
  const [a, b] = [...pointers.values()];
  if (!a || !b) return null;
  return {
    mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
    distance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)),
  };
}

/**
 * The image over the page in a modal dialog (Esc closes it natively), fitted to the screen. A double
 * click or double tap (or `+`) zooms around that point to actual pixels and another fits again; the wheel
 * and a pinch zoom gradually around the pointer or between the fingers. Zoomed, the original loads over
 * the preview and dragging pans (pointer events, so touch works too); fitted, a sideways swipe walks the
 * search like ←/→.
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
  const browse = useBrowse();
  const dialog = useRef<HTMLDialogElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const pointers = useRef(new Map<number, Point>());
  const gesture = useRef<Gesture | null>(null);
  const lastTap = useRef<{ at: number; point: Point } | null>(null);
  const [screen, setScreen] = useState<Size | null>(null);
  const [view, setView] = useState<View | null>(null);
  const [wantOriginal, setWantOriginal] = useState(false);
  const [originalLoaded, setOriginalLoaded] = useState(false);
  const image = { width, height };
  const ratio = () => window.devicePixelRatio || 1;
  const zoomed = view && screen ? isZoomed(view.scale, image, screen) : false;

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

  useEffect(() => {
    if (zoomed) setWantOriginal(true);
  }, [zoomed]);

  useEffect(() => {
    const element = canvas.current;
    if (!element || !screen) return;
    // Not passive: the wheel (and a trackpad pinch, which arrives as a wheel with ctrlKey) zooms the
    // image, never the page behind it or the browser.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const at = { x: event.clientX - rect.left, y: event.clientY - rect.top };
      const factor = wheelFactor(event.deltaY, event.deltaMode);
      setView((state) =>
        state
          ? zoomViewAround(
              state,
              state.scale * factor,
              at,
              { width, height },
              screen,
              window.devicePixelRatio || 1,
            )
          : state,
      );
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, [screen, width, height]);

  const zoomIn = (at: Point | null) => {
    if (!screen || !view) return;
    const point = at ?? { x: screen.width / 2, y: screen.height / 2 };
    // From fitted to actual pixels; further presses of + go on by half again.
    const scale = zoomed ? view.scale * 1.5 : zoomScale(image, screen, ratio());
    setView(zoomViewAround(view, scale, point, image, screen, ratio()));
  };
  const fit = () => {
    if (screen) setView(fitted(image, screen));
  };
  const toggle = (at: Point) => (zoomed ? fit() : zoomIn(at));

  const pointOf = (event: PointerEvent<HTMLDivElement>): Point => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || !view) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, pointOf(event));
    const fingers = twoFingers(pointers.current);
    if (fingers) gesture.current = { kind: "pinch", start: view, from: fingers };
    else if (pointers.current.size === 1) {
      const start = { x: event.clientX, y: event.clientY };
      gesture.current = {
        kind: "drag",
        pointer: event.pointerId,
        start,
        from: view.offset,
        moved: false,
      };
    }
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!pointers.current.has(event.pointerId) || !screen) return;
    pointers.current.set(event.pointerId, pointOf(event));
    const current = gesture.current;
    if (current?.kind === "pinch") {
      const fingers = twoFingers(pointers.current);
      if (fingers) setView(pinchView(current.start, current.from, fingers, image, screen, ratio()));
      return;
    }
    if (!current || current.pointer !== event.pointerId) return;
    const dx = event.clientX - current.start.x;
    const dy = event.clientY - current.start.y;
    // A few pixels of jitter is still a tap (a tap on a touch screen always moves a little).
    if (!current.moved && Math.hypot(dx, dy) < 6) return;
    current.moved = true;
    const to = { x: current.from.x + dx, y: current.from.y + dy };
    setView((state) =>
      state && isZoomed(state.scale, image, screen)
        ? { ...state, offset: clampOffset(to, image, state.scale, screen) }
        : state,
    );
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    pointers.current.delete(event.pointerId);
    const current = gesture.current;
    if (current?.kind === "pinch") {
      // The finger left on the glass after a pinch starts nothing: no jump, no tap.
      if (pointers.current.size === 0) gesture.current = null;
      return;
    }
    gesture.current = null;
    if (!current || current.pointer !== event.pointerId) return;
    if (current.moved) {
      const swipe = swipeDirection(event.clientX - current.start.x, event.clientY - current.start.y);
      if (!zoomed && swipe && event.pointerType !== "mouse") browse?.go(swipe, true);
      return;
    }
    const point = pointOf(event);
    const previous = lastTap.current;
    if (
      previous &&
      event.timeStamp - previous.at < DOUBLE_TAP_MS &&
      Math.hypot(point.x - previous.point.x, point.y - previous.point.y) < DOUBLE_TAP_PX
    ) {
      lastTap.current = null;
      toggle(point);
    } else lastTap.current = { at: event.timeStamp, point };
  };
  const onPointerCancel = (event: PointerEvent<HTMLDivElement>) => {
    pointers.current.delete(event.pointerId);
    gesture.current = null;
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
      data-zoomed={zoomed}
      aria-label={`${alt}, full size`}
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      <div
        ref={canvas}
        className="full-view-canvas"
        // A pointer surface; the keyboard has + and - on the dialog and the buttons in the bar.
        role="application"
        aria-label="Double-click or scroll to zoom, drag to move"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        // The browser's own image drag would cancel the pointer and with it the pan.
        onDragStart={(event) => event.preventDefault()}
        onPointerCancel={onPointerCancel}
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
      <BrowseButtons inFullView />
      <div className="full-view-bar">
        <span className="full-view-hint">
          {zoomed ? "Drag to move · double-click to fit" : "Double-click, scroll or pinch to zoom"} · Esc to
          close
        </span>
        <span className="full-view-percent" data-testid="full-view-percent">
          {percent} %
        </span>
        <button
          type="button"
          className="button button-ghost"
          data-testid="full-view-zoom"
          aria-keyshortcuts={zoomed ? "-" : "+"}
          onClick={() => (zoomed ? fit() : zoomIn(null))}
        >
          {zoomed ? "Fit" : "Zoom"}
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
