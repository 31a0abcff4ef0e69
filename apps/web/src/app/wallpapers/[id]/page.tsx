import { TRPCError } from "@trpc/server";
import { createCaller, createTRPCContext } from "@wallpaperdb/api";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getApiDeps } from "~/server/deps.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Wallpaper" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function loadWallpaper(id: string) {
  const caller = createCaller(
    await createTRPCContext({ headers: await headers(), deps: await getApiDeps() }),
  );
  try {
    return await caller.wallpaper.byId({ wallpaperId: id });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

// A minimal facts page so upload results have somewhere to link; the gallery issue replaces it.
export default async function WallpaperPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const wallpaper = await loadWallpaper(id.toLowerCase());
  if (!wallpaper) notFound();
  const facts: [string, string][] = [
    ["Type", `${wallpaper.mediaType} (${wallpaper.mimeType})`],
    ["Dimensions", `${wallpaper.width} × ${wallpaper.height}`],
    ["Size", formatBytes(wallpaper.sizeBytes)],
    ["Uploaded", `${wallpaper.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC`],
    ["Original file name", wallpaper.originalFilename ?? "—"],
    ["SHA-256", wallpaper.sha256],
  ];
  if (wallpaper.durationMs !== null)
    facts.splice(2, 0, ["Duration", `${(wallpaper.durationMs / 1000).toFixed(1)} s`]);
  return (
    <>
      <section className="hero hero-compact">
        <p className="eyebrow">Wallpaper</p>
        <h1 data-testid="wallpaper-title">{wallpaper.originalFilename ?? wallpaper.id}</h1>
      </section>
      <article className="card" aria-labelledby="facts-title" data-testid="wallpaper-facts">
        <header className="card-header">
          <h2 id="facts-title">Facts</h2>
        </header>
        <dl className="facts">
          {facts.map(([label, value]) => (
            <div key={label} style={{ display: "contents" }}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </article>
      <p>
        <Link href="/upload">← Upload more</Link>
      </p>
    </>
  );
}
