import type { Metadata } from "next";
import { UploadManager } from "~/components/upload/manager.tsx";

export const metadata: Metadata = { title: "Upload" };

export default function UploadPage() {
  return (
    <>
      <section className="hero hero-compact">
        <p className="eyebrow">Upload</p>
        <h1>Add wallpapers</h1>
        <p className="lede">
          Drop images and short videos. Each file is hashed in your browser first, so anything already in the
          library is recognised at once without sending its bytes. Big files resume where they stopped.
        </p>
      </section>
      <UploadManager />
    </>
  );
}
