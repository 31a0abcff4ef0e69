/** The base URL without a trailing slash; only http(s). */
export function normalizeBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`The base URL must be http(s), got ${url.protocol}`);
  }
  return url.toString().replace(/\/+$/, "");
}
