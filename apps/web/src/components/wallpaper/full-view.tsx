"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { isTyping, opensInFullView } from "./browse.tsx";
import { FullViewDialog, type FullViewProps } from "./full-view-dialog.tsx";

/**
 * A button over the whole frame (its visible label in a corner) and the `f` key open the full-size
 * view; closing it returns the focus to the button. A walk from inside the full view (←/→) arrives
 * with it open.
 */
export function WallpaperFullView(props: FullViewProps) {
  const [open, setOpen] = useState(() => opensInFullView(props.id));
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (open || event.key !== "f" || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  const close = useCallback(() => {
    setOpen(false);
    opener.current?.focus();
  }, []);
  return (
    <>
      <button
        ref={opener}
        type="button"
        className="full-view-open"
        data-testid="view-full-size"
        aria-keyshortcuts="f"
        onClick={() => setOpen(true)}
      >
        <span className="full-view-chip">⤢ View full size</span>
      </button>
      {open ? <FullViewDialog {...props} onClose={close} /> : null}
    </>
  );
}
