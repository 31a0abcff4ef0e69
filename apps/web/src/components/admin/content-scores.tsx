import type { Purity, PuritySource } from "@wallpaperdb/db/purity";

/** The classify step's view of a wallpaper, as the moderation queue carries it (null until it ran). */
export interface ContentScoresProps {
  purity: Purity;
  puritySource: PuritySource;
  classification: {
    model: string;
    suggestedPurity: Purity;
    drawing: number;
    hentai: number;
    neutral: number;
    porn: number;
    sexy: number;
  } | null;
}

const sourceLabel: Record<PuritySource, string> = {
  default: "not chosen",
  uploader: "chosen by the uploader",
  curator: "set by a curator",
  model: "suggested by the model",
};

// Display order: what decides a purity first.
const shownClasses = ["porn", "hentai", "sexy", "drawing", "neutral"] as const;

/**
 * The wallpaper's purity and where it came from, the model's suggestion and its five class scores: a
 * curator sees why a wallpaper was marked before deciding (the model never has the last word).
 */
export function ContentScores({ purity, puritySource, classification }: ContentScoresProps) {
  return (
    <div className="content-scores" data-testid="content-scores">
      <span>
        Purity <strong>{purity}</strong> <span className="muted">({sourceLabel[puritySource]})</span>
        {classification && classification.suggestedPurity !== purity ? (
          <span className="content-suggestion"> · model suggests {classification.suggestedPurity}</span>
        ) : null}
      </span>
      {classification ? (
        <ul className="content-score-list" aria-label={`Class scores (${classification.model})`}>
          {shownClasses.map((name) => (
            <li key={name} data-class={name}>
              {name} {Math.round(classification[name] * 100)}%
            </li>
          ))}
        </ul>
      ) : (
        <span className="muted">Not classified yet.</span>
      )}
    </div>
  );
}
