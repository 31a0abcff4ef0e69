import type { Metadata } from "next";
import { AuthForm } from "~/components/account/auth-form.tsx";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <section className="auth-page">
      <h1>Sign in</h1>
      <AuthForm mode="sign-in" />
    </section>
  );
}
