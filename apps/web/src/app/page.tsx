import { PingCard } from "~/components/ping-card.tsx";
import { StatusPanel } from "~/components/status-panel.tsx";

const pillars = [
  {
    title: "Drop anything",
    body: "Images and short videos, from the browser or a script. Each file is hashed and stored exactly once.",
  },
  {
    title: "Processed in the background",
    body: "Workers make sized variants, placeholders, palettes, quality scores and near-duplicate hashes.",
  },
  {
    title: "Found in a second",
    body: "Search by tag, color, resolution, aspect ratio and quality, then download at the size of your screen.",
  },
] as const;

export default function HomePage() {
  return (
    <>
      <section className="hero">
        <p className="eyebrow">Self-hosted wallpaper library</p>
        <h1>
          Every wallpaper, <span className="gradient-text">stored once</span>, found instantly.
        </h1>
        <p className="lede">
          WallpaperDB keeps your collection in one place: it checks and deduplicates every upload, prepares it
          for any screen, and lets curators keep the tags tidy. The gallery opens soon; the pipeline
          underneath is running now.
        </p>
      </section>

      <section className="pillars" aria-label="What WallpaperDB does">
        {pillars.map((pillar) => (
          <article key={pillar.title} className="pillar">
            <h2>{pillar.title}</h2>
            <p>{pillar.body}</p>
          </article>
        ))}
      </section>

      <section className="panels" aria-label="System">
        <StatusPanel />
        <PingCard />
      </section>
    </>
  );
}
