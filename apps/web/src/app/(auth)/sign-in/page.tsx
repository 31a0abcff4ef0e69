import type { Metadata } from "next";
import { AuthForm } from "~/components/account/auth-form.tsx";
import { safeReturnPath } from "~/components/account/return-path.ts";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { next } = await searchParams;
  return (
    <section className="auth-page">
      <h1>Sign in</h1>
      <AuthForm mode="sign-in" returnTo={safeReturnPath(next)} />
    </section>
  );
}
