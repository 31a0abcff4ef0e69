import { createHmac, timingSafeEqual } from "node:crypto";

export type SignedMethod = "GET" | "PUT";

function payload(key: string, exp: number, method: SignedMethod, contentDisposition?: string): string {
  // Newline-separated: no field can contain "\n" (keys are validated, exp is an integer,
  // and Content-Disposition values cannot carry line breaks).
  return `${method}\n${key}\n${exp}\n${contentDisposition ?? ""}`;
}

export function signLocalBlob(
  key: string,
  exp: number,
  method: SignedMethod,
  secret: string,
  contentDisposition?: string,
): string {
  return createHmac("sha256", secret)
    .update(payload(key, exp, method, contentDisposition))
    .digest("hex");
}

/**
 * Checks a signature produced by the local adapter's presignGet/presignPut.
 * `exp` and `sig` are the raw query values; `now` is in milliseconds (defaults to Date.now()).
 * Pass the `cd` query value as `contentDisposition` when the URL carries one.
 */
export function verifyLocalSignature(
  key: string,
  exp: string | number | null | undefined,
  sig: string | null | undefined,
  method: string,
  secret: string,
  now: number = Date.now(),
  contentDisposition?: string | null,
): boolean {
  if (method !== "GET" && method !== "HEAD" && method !== "PUT") return false;
  if (exp === null || exp === undefined || sig === null || sig === undefined) return false;
  const expText = String(exp);
  if (!/^\d{1,12}$/.test(expText) || !/^[0-9a-f]{64}$/.test(sig)) return false;
  const expSeconds = Number(expText);
  if (expSeconds * 1000 < now) return false;
  // HEAD is a GET without a body; one signature covers both.
  const signedMethod: SignedMethod = method === "PUT" ? "PUT" : "GET";
  const expected = Buffer.from(
    signLocalBlob(key, expSeconds, signedMethod, secret, contentDisposition ?? undefined),
    "hex",
  );
  return timingSafeEqual(expected, Buffer.from(sig, "hex"));
}
