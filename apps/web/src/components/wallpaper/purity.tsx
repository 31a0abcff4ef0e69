"use client";

import { useMutation } from "@tanstack/react-query";
import type { Purity } from "@wallpaperdb/db/purity";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { PurityOptions, purityNames } from "~/components/shared/purity-options.tsx";
import { useTRPC } from "~/trpc/react.tsx";

/**
 * The wallpaper's purity: shown to everyone who sees the page, changeable by its uploader and curators
 * (`wallpaper.setPurity`, audited). Three radio buttons, so a keyboard or a thumb changes it in one step.
 */
export function WallpaperPurity({
  wallpaperId,
  purity,
  mayChange,
}: {
  wallpaperId: string;
  purity: Purity;
  mayChange: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [current, setCurrent] = useState(purity);
  const save = useMutation(
    trpc.wallpaper.setPurity.mutationOptions({
      onSuccess: (result) => {
        setCurrent(result.purity);
        router.refresh();
      },
    }),
  );
  return (
    <section className="card" aria-labelledby="purity-title" data-testid="wallpaper-purity">
      <h2 id="purity-title">Purity</h2>
      {mayChange ? (
        <div className="purity-choice" role="radiogroup" aria-labelledby="purity-title">
          <PurityOptions
            name="purity"
            value={current}
            disabled={save.isPending}
            onChange={(value) => {
              setCurrent(value);
              save.mutate({ wallpaperId, purity: value });
            }}
          />
        </div>
      ) : (
        <p className={`badge purity-${current}`} data-testid="purity-value">
          {purityNames[current]}
        </p>
      )}
      {save.isError ? (
        <p className="notice notice-bad" role="alert">
          {describeError(save.error)}
        </p>
      ) : null}
    </section>
  );
}
