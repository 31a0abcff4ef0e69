import Link from "next/link";

export default function NotFound() {
  return (
    <section className="state-page">
      <p className="eyebrow">404</p>
      <h1>This page is not on the wall.</h1>
      <p className="lede">The address may be mistyped, or the page may not exist yet.</p>
      <Link href="/" className="button">
        Back to the start
      </Link>
    </section>
  );
}
