import { type NameExpectation, type NameStatus, nameProblem } from "./name-preview.ts";

interface Props {
  status: NameStatus | null;
  expects: NameExpectation;
  /** The tag being edited, for the "itself" refusals. */
  self?: string;
}

/**
 * One line under a tag field, before anything is saved: the name as it will be saved, whether it is a
 * tag, an alias (and the tag it resolves to) or new, and why this field will refuse it, if it will.
 */
export function TagNameHint({ status, expects, self }: Props) {
  if (status === null) return null;
  const problem = nameProblem(status, expects, self);
  return (
    <p
      className={`tag-name-hint ${problem ? "tag-name-hint-problem" : ""}`}
      data-testid="tag-name-hint"
      data-kind={status.kind}
      aria-live="polite"
    >
      {/* A refused or unknown name: the refusal says it all. */}
      {problem && (status.kind === "invalid" || status.kind === "new") ? (
        <span>{problem}</span>
      ) : (
        <>
          <StatusText status={status} saved={problem === null} />
          {problem ? <span> — {problem}</span> : null}
        </>
      )}
    </p>
  );
}

/** `saved`: the field will send this name ("Saved as"); a refused name is only named. */
function StatusText({ status, saved }: { status: NameStatus; saved: boolean }) {
  const savedAs = saved ? "Saved as " : "";
  switch (status.kind) {
    case "invalid":
      return <span>{status.message}</span>;
    case "checking":
      return (
        <span>
          {savedAs}
          <code>{status.name}</code> <span className="muted">· checking…</span>
        </span>
      );
    case "new":
      return (
        <span>
          {savedAs}
          <code>{status.name}</code> <span className="muted">· new tag</span>
        </span>
      );
    case "existing":
      return (
        <span>
          <code>{status.name}</code> <span className="muted">· existing tag</span>
        </span>
      );
    case "alias":
      return (
        <span>
          <code>{status.name}</code> <span className="muted">· alias of</span> <code>{status.target}</code>{" "}
          <span className="muted">(resolves to it)</span>
        </span>
      );
  }
}
