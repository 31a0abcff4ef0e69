import { QueryClient } from "@tanstack/react-query";

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Server-rendered data stays fresh briefly so hydration does not refetch immediately.
      queries: { staleTime: 30_000, retry: 1 },
    },
  });
}
