import type { Metadata } from "next";
import { AuthForm } from "~/components/account/auth-form.tsx";
import { safeReturnPath } from "~/components/account/return-path.ts";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const { next } = await searchParams;
  return (
    <section className="auth-page">
      <h1>Create an account</h1>
      <p className="muted">The first account on a new install becomes its administrator.</p>
      <AuthForm mode="sign-up" returnTo={safeReturnPath(next)} />
    </section>
  );
}
