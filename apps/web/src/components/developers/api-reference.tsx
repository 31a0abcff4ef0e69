"use client";

import "swagger-ui-dist/swagger-ui.css";
import "./developers.css";
import { useEffect, useRef, useState } from "react";

/**
 * The OpenAPI viewer (swagger-ui-dist, bundled from node_modules: no CDN, no fonts from elsewhere, and
 * the public validator badge off). Loaded in the browser only, since it renders into a DOM node.
 */
export function ApiReference({ documentUrl }: { documentUrl: string }) {
  const target = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");

  useEffect(() => {
    let cancelled = false;
    import("swagger-ui-dist/swagger-ui-es-bundle.js")
      .then(({ default: SwaggerUI }) => {
        if (cancelled || !target.current) return;
        SwaggerUI({
          domNode: target.current,
          url: documentUrl,
          validatorUrl: null,
          deepLinking: true,
          docExpansion: "list",
          defaultModelsExpandDepth: -1,
          onComplete: () => setState("ready"),
        });
      })
      .catch(() => setState("failed"));
    return () => {
      cancelled = true;
    };
  }, [documentUrl]);

  return (
    <div className="api-reference" data-state={state} aria-busy={state === "loading"}>
      {state === "loading" && <p className="api-reference-note">Loading the reference…</p>}
      {state === "failed" && (
        <p className="api-reference-note" role="alert">
          The reference could not load. The document itself is at <a href={documentUrl}>{documentUrl}</a>.
        </p>
      )}
      <div ref={target} />
    </div>
  );
}
