import type { TagRequestView } from "@wallpaperdb/tags";
import Link from "next/link";
import type { ReactNode } from "react";
import { tagPageHref } from "~/components/tag-pages/links.ts";
import { decisionVerbs, kindHints, kindLabels, statusBadges } from "./labels.ts";

const when = (date: Date) =>
  new Date(date).toLocaleDateString("en", { year: "numeric", month: "short", day: "numeric" });

function Person({ person }: { person: TagRequestView["proposedBy"] }) {
  if (!person) return <span className="muted">a deleted account</span>;
  return <Link href={`/users/${person.username}`}>@{person.username}</Link>;
}

/**
 * One request as the public list, the author's list and the curator queue show it: what it asks,
 * why, who asked and when, and, once decided, who decided, when and their note. `actions` holds the
 * buttons that differ per place (withdraw, approve/reject).
 */
export function TagRequestItem({ request, actions }: { request: TagRequestView; actions?: ReactNode }) {
  return (
    <li className="tag-request card" data-testid="tag-request" data-request-id={request.id}>
      <div className="tag-request-head">
        <span className="muted">#{request.id}</span>
        <span className="tag-request-kind" title={kindHints[request.kind]}>
          {kindLabels[request.kind]}
        </span>
        <span className="tag-request-link">
          {request.kind === "alias" ? (
            <code>{request.antecedent}</code>
          ) : (
            <Link href={tagPageHref(request.antecedent)}>{request.antecedent}</Link>
          )}
          <span aria-hidden="true"> → </span>
          <span className="sr-only"> to </span>
          <Link href={tagPageHref(request.consequent)}>{request.consequent}</Link>
        </span>
        <span className={statusBadges[request.status]} data-testid="tag-request-status">
          {request.status}
        </span>
      </div>
      <p className="tag-request-reason">{request.reason}</p>
      <p className="tag-request-meta muted">
        Proposed by <Person person={request.proposedBy} /> on {when(request.createdAt)}
        {request.status !== "pending" && request.decidedAt ? (
          <span data-testid="tag-request-decision">
            {" "}
            · {decisionVerbs[request.status]} by <Person person={request.decidedBy} /> on{" "}
            {when(request.decidedAt)}
          </span>
        ) : null}
      </p>
      {request.note ? (
        <p className="tag-request-note" data-testid="tag-request-note">
          <span className="muted">Curator's note: </span>
          {request.note}
        </p>
      ) : null}
      {actions ? <div className="tag-request-actions">{actions}</div> : null}
    </li>
  );
}
