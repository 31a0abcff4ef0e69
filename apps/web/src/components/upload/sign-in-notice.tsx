import Link from "next/link";
import { authHref } from "~/components/account/return-path.ts";

/** Shown instead of the dropzone when this server refuses anonymous uploads and nobody is signed in. */
export function SignInToUpload() {
  return (
    <div className="upload-sign-in card" data-testid="upload-sign-in">
      <span className="dropzone-icon" aria-hidden="true">
        ⇪
      </span>
      <h2>Sign in to upload</h2>
      <p className="muted">
        This library accepts uploads from accounts only. Sign in, or create an account, and you will come
        straight back here.
      </p>
      <div className="upload-sign-in-actions">
        <Link className="button" href={authHref("/sign-in", "/upload")}>
          Sign in
        </Link>
        <Link className="button button-ghost" href={authHref("/sign-up", "/upload")}>
          Create an account
        </Link>
      </div>
    </div>
  );
}
