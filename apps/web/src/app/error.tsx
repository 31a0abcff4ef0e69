"use client";

import Link from "next/link";

// Next passes the error; its message is not shown because it may describe server internals.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <section className="state-page">
      <p className="eyebrow">Something went wrong</p>
      <h1>We could not show this page.</h1>
      <p className="lede">
        Please try again. If it keeps happening, quote this reference: <code>{error.digest ?? "n/a"}</code>
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
        <Link href="/" className="button button-ghost">
          Home
        </Link>
      </div>
    </section>
  );
}
