"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";
import { filterLabels, type RequestFilter, requestFilters, requestListInput } from "./labels.ts";
import { TagRequestItem } from "./request-item.tsx";
import "./tag-requests.css";

const hrefOf = (filter: RequestFilter, page = 1) => {
  const params = new URLSearchParams();
  if (filter !== "all") params.set("status", filter);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/tags/requests?${query}` : "/tags/requests";
};

/**
 * The public history of alias and implication requests (pending first), and under "My requests" the
 * signed-in author's own, each pending one with a Withdraw button.
 */
export function TagRequestList({
  filter,
  page,
  signedIn,
}: {
  filter: RequestFilter;
  page: number;
  signedIn: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = requestListInput(filter, page);
  const list = useQuery(
    filter === "mine" ? trpc.tagRequest.mine.queryOptions(input) : trpc.tagRequest.list.queryOptions(input),
  );
  const withdraw = useMutation(
    trpc.tagRequest.withdraw.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.tagRequest.pathKey() }),
    }),
  );
  const tabs = requestFilters.filter((item) => item !== "mine" || signedIn);
  return (
    <div className="tag-requests">
      <nav className="tag-request-tabs" aria-label="Filter requests">
        {tabs.map((item) => (
          <Link
            key={item}
            href={hrefOf(item)}
            className="tag-request-tab"
            aria-current={item === filter ? "page" : undefined}
          >
            {filterLabels[item]}
          </Link>
        ))}
      </nav>
      {withdraw.error ? (
        <p className="notice notice-bad" role="alert">
          {describeError(withdraw.error)}
        </p>
      ) : null}
      {list.error ? <p className="notice notice-bad">{describeError(list.error)}</p> : null}
      {list.data?.items.length === 0 ? (
        <p className="muted" data-testid="tag-requests-empty">
          {filter === "mine" ? "You have not proposed anything yet." : "No requests here yet."} Propose an
          alias or implication from any tag's page.
        </p>
      ) : null}
      <ol className="tag-request-list">
        {list.data?.items.map((request) => (
          <TagRequestItem
            key={request.id}
            request={request}
            actions={
              request.mine && request.status === "pending" ? (
                <button
                  type="button"
                  className="button button-ghost button-small"
                  disabled={withdraw.isPending}
                  onClick={() => withdraw.mutate({ requestId: request.id })}
                >
                  Withdraw
                </button>
              ) : null
            }
          />
        ))}
      </ol>
      <nav className="tag-request-pages" aria-label="Pages">
        {page > 1 ? <Link href={hrefOf(filter, page - 1)}>← Newer</Link> : <span />}
        {list.data?.hasMore ? <Link href={hrefOf(filter, page + 1)}>Older →</Link> : null}
      </nav>
    </div>
  );
}
