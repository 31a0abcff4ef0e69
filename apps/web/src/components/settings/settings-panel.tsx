"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { purities } from "@wallpaperdb/db/purity";
import {
  type AccountSettings,
  defaultSortOrders,
  type SettingsPatch,
  TILE_SIZES,
} from "@wallpaperdb/wallpapers/settings-shape";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { RATIOS, RESOLUTIONS } from "~/components/gallery/filters.ts";
import { writeTileSize } from "~/components/gallery/tile-size.ts";
import { describeError } from "~/components/shared/describe-error.ts";
import { TagListInput } from "~/components/tags/list-input.tsx";
import { useTRPC } from "~/trpc/react.tsx";
import "~/components/account/account.css";
import "./settings.css";

const purityLabels: Record<(typeof purities)[number], string> = {
  sfw: "SFW: safe for work (always shown)",
  sketchy: "Sketchy: suggestive",
  nsfw: "NSFW: not safe for work",
};

/** The account's settings, stored on the server: they follow it to every device, feed and random pick. */
export function SettingsPanel() {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const settings = useQuery({ ...trpc.settings.get.queryOptions(), enabled: Boolean(me.data) });
  if (me.isPending || (me.data && settings.isPending)) return <p className="muted">Loading…</p>;
  if (me.isError) return <p className="notice notice-bad">{describeError(me.error)}</p>;
  if (!me.data) {
    return (
      <p>
        <Link href="/sign-in?next=/settings">Sign in</Link> to change your settings.
      </p>
    );
  }
  if (settings.isError) return <p className="notice notice-bad">{describeError(settings.error)}</p>;
  if (!settings.data) return null;
  return <SettingsForm initial={settings.data} />;
}

function SettingsForm({ initial }: { initial: AccountSettings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [blacklist, setBlacklist] = useState(initial.blacklist.map((tag) => tag.name));
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: async (stored) => {
        setBlacklist(stored.blacklist.map((tag) => tag.name));
        if (stored.tileSize) writeTileSize(stored.tileSize);
        // Every list the account sees depends on these.
        await queryClient.invalidateQueries();
        setSaved(true);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const size = String(form.get("minResolution") ?? "");
    const [width, height] = size.split("x").map(Number);
    const patch: SettingsPatch = {
      purities: purities.filter((purity) => form.get(`purity-${purity}`) === "on"),
      blacklist,
      minResolution: width && height ? { width, height } : null,
      ratios: form.getAll("ratio").map(String),
      tileSize: TILE_SIZES.find((value) => value === form.get("tileSize")) ?? null,
      defaultSort: defaultSortOrders.find((value) => value === form.get("defaultSort")) ?? null,
    };
    setSaved(false);
    save.mutate(patch);
  }

  const minResolution = initial.minResolution
    ? `${initial.minResolution.width}x${initial.minResolution.height}`
    : "";
  return (
    <form className="settings-form" onSubmit={submit} data-testid="settings-form">
      <fieldset className="card settings-group">
        <legend>Purity shown</legend>
        <p className="muted">Lists, feeds and random picks show only these. Visitors see SFW only.</p>
        {purities.map((purity) => (
          <label key={purity} className="check">
            <input
              type="checkbox"
              name={`purity-${purity}`}
              defaultChecked={initial.purities.includes(purity)}
              disabled={purity === "sfw"}
            />
            {purityLabels[purity]}
          </label>
        ))}
      </fieldset>

      <fieldset className="card settings-group">
        <legend>Tag blacklist</legend>
        <p className="muted">
          Wallpapers with any of these tags (also through an alias or an implied tag) are hidden from the
          gallery, search, feeds, random and similar wallpapers, for you only.
        </p>
        <TagListInput
          label="Hide wallpapers tagged"
          placeholder="Add a tag…"
          tags={blacklist}
          onChange={setBlacklist}
        />
      </fieldset>

      <fieldset className="card settings-group">
        <legend>Gallery defaults</legend>
        <p className="muted">Used when a gallery address does not say otherwise.</p>
        <label className="field">
          At least
          <select className="input" name="minResolution" defaultValue={minResolution}>
            <option value="">Any size</option>
            {RESOLUTIONS.map((size) => (
              <option key={size} value={size}>
                {size.replace("x", "×")}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          Ratios
          <div className="settings-ratios">
            {RATIOS.map((ratio) => (
              <label key={ratio} className="check">
                <input
                  type="checkbox"
                  name="ratio"
                  value={ratio.replace("x", ":")}
                  defaultChecked={initial.ratios.includes(ratio.replace("x", ":"))}
                />
                {ratio.replace("x", ":")}
              </label>
            ))}
          </div>
        </div>
        <label className="field">
          Sort
          <select className="input" name="defaultSort" defaultValue={initial.defaultSort ?? ""}>
            <option value="">Newest (the site's default)</option>
            {defaultSortOrders.map((order) => (
              <option key={order} value={order}>
                {order[0]?.toUpperCase()}
                {order.slice(1)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Tile size
          <select className="input" name="tileSize" defaultValue={initial.tileSize ?? ""}>
            <option value="">Medium (the site's default)</option>
            {TILE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size[0]?.toUpperCase()}
                {size.slice(1)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>

      <div className="settings-actions">
        <button className="button" type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save settings"}
        </button>
        {saved ? (
          <span className="notice notice-ok" role="status" data-testid="settings-saved">
            Saved.
          </span>
        ) : null}
      </div>
      {save.isError ? (
        <p className="notice notice-bad" role="alert">
          {describeError(save.error)}
        </p>
      ) : null}
    </form>
  );
}
