// Side-effect free (no database): the rules of a tag request that the browser's form shows too.

/** Danbooru asks for a reason with every request; bounded so the public list stays readable. */
export const MAX_REQUEST_REASON_LENGTH = 1000;
/** The curator's note on a decision. The table's checks hold the same bounds as a last guard. */
export const MAX_REQUEST_NOTE_LENGTH = 1000;

export type TagRequestKind = "alias" | "implication";
export type TagRequestStatus = "pending" | "approved" | "rejected" | "withdrawn";
