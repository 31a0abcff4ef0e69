import type { Metadata } from "next";
import { SettingsPanel } from "~/components/settings/settings-panel.tsx";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <section className="account-page">
      <h1>Settings</h1>
      <SettingsPanel />
    </section>
  );
}
