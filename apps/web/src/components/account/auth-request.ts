import { isErrorCode } from "@wallpaperdb/core/errors";
import { errorMessages } from "~/components/shared/error-messages.ts";

/** Where a sign-in with a one-time password lands: the account page's password form, with a notice. */
export const MUST_CHANGE_PASSWORD_PATH = "/account#password";

/**
 * better-auth answers `{ code, message }` with a readable message; our own handlers (the rate limiter)
 * answer problem+json with a stable `code` and a `detail`. Every other case gets the shared table's
 * sentence, so these forms word their errors like the rest of the site.
 */
export async function authErrorMessage(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  if (body && typeof body === "object") {
    if ("detail" in body && typeof body.detail === "string" && body.detail) return body.detail;
    if ("message" in body && typeof body.message === "string" && body.message) return body.message;
    if ("code" in body && isErrorCode(body.code)) return errorMessages[body.code];
  }
  if (response.status === 429) return errorMessages.rate_limited;
  return response.status >= 500
    ? errorMessages.internal
    : "That did not work; check what you entered and try again.";
}

/**
 * A POST to one of better-auth's endpoints (`/api/auth/<path>`): same-origin JSON, which the CSRF check
 * in front of it requires. Answers null on success, else a sentence for the user.
 */
export async function postAuth(path: string, body: unknown): Promise<string | null> {
  const response = await fetch(`/api/auth/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) return authErrorMessage(response);
  // Read to the end: a page that navigates away mid-body shows a failed request.
  await response.arrayBuffer();
  return null;
}
