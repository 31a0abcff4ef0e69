import type { Metadata } from "next";
import Link from "next/link";
import { ApiReference } from "~/components/developers/api-reference.tsx";

export const metadata: Metadata = { title: "HTTP API" };

export default function ApiReferencePage() {
  return (
    <section className="developers-page">
      <h1>HTTP API</h1>
      <p className="lead muted">
        Search, wallpapers, tags, collections, favorites and uploads as plain HTTP and JSON under{" "}
        <code>/api/rest</code>. Send an API key from your <Link href="/account">account</Link> as{" "}
        <code>Authorization: Bearer &lt;key&gt;</code>; errors are <code>application/problem+json</code> with
        a stable <code>code</code>. The OpenAPI 3.1 document is{" "}
        <a href="/api/openapi.json">/api/openapi.json</a>.
      </p>
      <ApiReference documentUrl="/api/openapi.json" />
    </section>
  );
}
