"use client";

import { type DuplicateGroup, type GroupChoice, groupKey } from "./choice.ts";
import { DuplicateMemberCard, type MemberRole } from "./member.tsx";

function ago(date: Date): string {
  const minutes = Math.max(0, Math.round((Date.now() - date.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} days ago`;
}

/** One group of near-duplicates side by side, its choice, and the two decisions on it. */
export function DuplicateGroupCard({
  group,
  choice,
  onChoice,
  selected,
  onSelect,
  onKeep,
  onDismiss,
  busy,
  problem,
}: {
  group: DuplicateGroup;
  choice: GroupChoice;
  onChoice: (choice: GroupChoice) => void;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onKeep: () => void;
  onDismiss: () => void;
  busy: boolean;
  problem: string | null;
}) {
  const members = group.members;
  const most = (pick: (m: (typeof members)[number]) => number) => Math.max(...members.map(pick));
  const maxPixels = most((m) => m.width * m.height);
  const maxBytes = most((m) => m.sizeBytes);
  const maxQuality = most((m) => m.qualityScore ?? -1);
  const oldest = Math.min(...members.map((m) => m.createdAt.getTime()));
  const roleOf = (id: string): MemberRole =>
    id === choice.keepId ? "keep" : choice.notDuplicates.includes(id) ? "distinct" : "reject";
  const rejecting = members.filter((m) => roleOf(m.id) === "reject").length;
  const kept = members.find((m) => m.id === choice.keepId);
  const name = `keep-${groupKey(group)}`;
  const headingId = `dup-${group.ids[0]}`;
  return (
    <section className="dup-group" aria-labelledby={headingId} data-selected={selected || undefined}>
      <header className="dup-group-head">
        <label className="dup-select">
          <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} />
          <span id={headingId}>
            {members.length} wallpapers <span className="muted">· flagged {ago(group.newestFlag)}</span>
          </span>
        </label>
        <div className="dup-group-actions">
          <button
            type="button"
            className="button button-ghost button-small"
            disabled={busy}
            onClick={onDismiss}
          >
            Not duplicates
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={busy || rejecting === 0}
            onClick={onKeep}
          >
            {rejecting === 0
              ? "Nothing to reject"
              : `Keep ${kept?.width}×${kept?.height}, reject ${rejecting}`}
          </button>
        </div>
      </header>
      {problem ? (
        <p className="notice notice-bad dup-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="dup-members">
        {members.map((member) => (
          <DuplicateMemberCard
            key={member.id}
            member={member}
            role={roleOf(member.id)}
            groupName={name}
            disabled={busy}
            best={{
              pixels: members.length > 1 && member.width * member.height === maxPixels,
              bytes: member.sizeBytes === maxBytes,
              quality: member.qualityScore !== null && member.qualityScore === maxQuality,
              oldest: member.createdAt.getTime() === oldest,
            }}
            onKeep={() =>
              onChoice({
                keepId: member.id,
                notDuplicates: choice.notDuplicates.filter((id) => id !== member.id),
              })
            }
            onToggleDistinct={() =>
              onChoice({
                keepId: choice.keepId,
                notDuplicates: choice.notDuplicates.includes(member.id)
                  ? choice.notDuplicates.filter((id) => id !== member.id)
                  : [...choice.notDuplicates, member.id],
              })
            }
          />
        ))}
      </div>
    </section>
  );
}
