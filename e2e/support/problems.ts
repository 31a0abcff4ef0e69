import type { Page } from "@playwright/test";

/** What a first-time visitor must never meet: console errors, failed requests, sideways scrolling. */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    // A failed load is recorded with its address by the response listener below.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on("requestfailed", (request) => {
    // A request the browser cancels because the page moves on (Next's route prefetches, the live
    // progress stream, the sign-out POST racing its own redirect) is not a failure of the page.
    if (request.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`);
  });
  return problems;
}
