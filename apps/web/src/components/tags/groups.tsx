import { TagChip } from "./chip.tsx";

interface WallpaperTag {
  tagId: number;
  name: string;
  category: string;
  wallpaperCount: number;
  sources: string[];
}

const groups = [
  { source: "human", title: "Tagged by people", empty: "No human tags yet." },
  { source: "auto", title: "Derived from the file", empty: "No automatic tags (processing may still run)." },
  { source: "implied", title: "Implied", empty: "Nothing implied." },
] as const;

/** A tag shows in the strongest group it has: a human tag that is also implied stays a human one. */
function primarySource(tag: WallpaperTag): string {
  return groups.find((group) => tag.sources.includes(group.source))?.source ?? "human";
}

export function TagGroups({ tags, onRemove }: { tags: WallpaperTag[]; onRemove(name: string): void }) {
  return (
    <div className="tag-groups">
      {groups.map((group) => {
        const members = tags.filter((tag) => primarySource(tag) === group.source);
        return (
          <section key={group.source} className="tag-group" data-testid={`tags-${group.source}`}>
            <h3>
              {group.title} <span className="muted">{members.length}</span>
            </h3>
            {members.length === 0 ? <p className="muted">{group.empty}</p> : null}
            <div className="tag-chips">
              {members.map((tag) => (
                <TagChip key={tag.tagId} name={tag.name} category={tag.category} source={group.source}>
                  {group.source === "human" ? (
                    <button
                      type="button"
                      className="tag-chip-remove"
                      aria-label={`Remove ${tag.name}`}
                      onClick={() => onRemove(tag.name)}
                    >
                      ×
                    </button>
                  ) : null}
                </TagChip>
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}
