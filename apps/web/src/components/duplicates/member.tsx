"use client";

import Link from "next/link";
import { AdminPreview } from "~/components/admin/preview.tsx";
import { formatBytes } from "~/components/shared/format.ts";
import type { DuplicateMember } from "./choice.ts";

export type MemberRole = "keep" | "reject" | "distinct";

const roleLabel: Record<MemberRole, string> = {
  keep: "Keep",
  reject: "Reject",
  distinct: "Not a duplicate",
};

const formatOf = (member: DuplicateMember) =>
  (member.mimeType.split("/")[1] ?? member.mimeType).replace(/^x-/u, "").toUpperCase();

/** One wallpaper of a group with the facts a curator compares; the best value of each fact stands out. */
export function DuplicateMemberCard({
  member,
  role,
  best,
  groupName,
  onKeep,
  onToggleDistinct,
  disabled,
}: {
  member: DuplicateMember;
  role: MemberRole;
  best: { pixels: boolean; quality: boolean; oldest: boolean; bytes: boolean };
  groupName: string;
  onKeep: () => void;
  onToggleDistinct: () => void;
  disabled: boolean;
}) {
  const title = member.originalFilename ?? "untitled";
  return (
    <article
      className="dup-member"
      data-role={role}
      aria-label={`${title}, ${member.width}×${member.height}`}
    >
      <div className="dup-thumb">
        <AdminPreview wallpaperId={member.id} alt={title} />
        <span className="dup-badge">{roleLabel[role]}</span>
      </div>
      <Link className="dup-name" href={`/wallpapers/${member.id}`} title={title}>
        {title}
      </Link>
      <dl className="dup-facts">
        <dt>Size</dt>
        <dd className={best.pixels ? "dup-best" : undefined}>
          {member.width}×{member.height}
        </dd>
        <dt>File</dt>
        <dd className={best.bytes ? "dup-best" : undefined}>
          {formatBytes(member.sizeBytes)} · {formatOf(member)}
        </dd>
        <dt>Quality</dt>
        <dd className={best.quality ? "dup-best" : undefined}>
          {member.qualityScore === null ? "—" : Math.round(member.qualityScore)}
        </dd>
        <dt>Uploaded</dt>
        <dd className={best.oldest ? "dup-best" : undefined}>
          <time dateTime={member.createdAt.toISOString()}>{member.createdAt.toISOString().slice(0, 10)}</time>
          {member.uploaderUsername ? (
            <>
              {" by "}
              <Link href={`/users/${member.uploaderUsername}`}>
                {member.uploaderName ?? member.uploaderUsername}
              </Link>
            </>
          ) : null}
        </dd>
        <dt>Tags</dt>
        <dd>
          {member.tagCount}
          {member.humanTagCount > 0 ? (
            <span className="muted"> ({member.humanTagCount} by people)</span>
          ) : null}
        </dd>
        <dt>Favorites</dt>
        <dd>{member.favorites}</dd>
      </dl>
      <div className="dup-member-actions">
        <label className="dup-radio">
          <input
            type="radio"
            name={groupName}
            checked={role === "keep"}
            onChange={onKeep}
            disabled={disabled}
          />
          Keep this
        </label>
        {role === "keep" ? null : (
          <label className="dup-radio">
            <input
              type="checkbox"
              checked={role === "distinct"}
              onChange={onToggleDistinct}
              disabled={disabled}
            />
            Not a duplicate
          </label>
        )}
      </div>
    </article>
  );
}
