import type { Metadata } from "next";
import { AccountPanel } from "~/components/account/panel.tsx";

export const metadata: Metadata = { title: "Account" };

export default function AccountPage() {
  return (
    <section className="account-page">
      <h1>Account</h1>
      <AccountPanel />
    </section>
  );
}
