import type { Metadata } from "next";
import { PingCard } from "~/components/ping-card.tsx";
import { StatusPanel } from "~/components/status-panel.tsx";

export const metadata: Metadata = { title: "System status" };

export default function StatusPage() {
  return (
    <>
      <section className="hero hero-compact">
        <p className="eyebrow">System</p>
        <h1>Status</h1>
        <p className="lede">
          Every dependency the web app needs, and a ping through the whole event pipeline.
        </p>
      </section>
      <section className="panels" aria-label="System">
        <StatusPanel />
        <PingCard />
      </section>
    </>
  );
}
