import type { Metadata } from "next";
import { UploadManager } from "~/components/upload/manager.tsx";
import { caller } from "~/trpc/server.tsx";

export const metadata: Metadata = { title: "Upload" };
export const dynamic = "force-dynamic";

/** Asked on the server so a signed-out visitor sees "Sign in to upload" at once, not after each drop. */
async function mayUpload(): Promise<boolean> {
  try {
    return (await caller.upload.settings()).mayUpload;
  } catch {
    // Uploads not configured: the dropzone stays, and each file says why it failed.
    return true;
  }
}

export default async function UploadPage() {
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
      <UploadManager mayUpload={await mayUpload()} />
    </>
  );
}
