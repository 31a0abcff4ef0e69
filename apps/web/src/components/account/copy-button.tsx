"use client";

import { useEffect, useState } from "react";

type CopyState = "idle" | "copied" | "failed";

/**
 * Copies `text` to the clipboard. The clipboard can be refused (no permission, an insecure origin), so
 * the button says so and the text stays selectable by hand instead of failing silently.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<CopyState>("idle");
  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), 3000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <span className="copy-row">
      <button className="button" type="button" onClick={() => void copy()} aria-label={label}>
        {state === "copied" ? "Copied" : "Copy"}
      </button>
      {/* Inside the notice, itself a live region, so the confirmation is announced. */}
      <span className="muted">
        {state === "copied" ? "Copied to the clipboard." : null}
        {state === "failed" ? "The browser refused the clipboard: select the key and copy it." : null}
      </span>
    </span>
  );
}
