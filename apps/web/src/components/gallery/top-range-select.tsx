import type { TopRange } from "@wallpaperdb/search/top-range";
import { DEFAULT_TOP_RANGE, topRanges } from "@wallpaperdb/search/top-range";

const rangeNames: Record<TopRange, string> = {
  "1d": "Today",
  "3d": "Last 3 days",
  "1w": "Last week",
  "1M": "Last month",
  "3M": "Last 3 months",
  "6M": "Last 6 months",
  "1y": "Last year",
};

/** The top list's range (`range:`), beside the Sort select while the order is Top. */
export function TopRangeSelect({
  range,
  onChange,
}: {
  range: TopRange | null;
  onChange(range: TopRange): void;
}) {
  return (
    <label className="filter-top-range">
      <span className="sr-only">Top of</span>
      <select
        className="input"
        value={range ?? DEFAULT_TOP_RANGE}
        onChange={(event) => {
          const picked = topRanges.find((candidate) => candidate === event.target.value);
          if (picked) onChange(picked);
        }}
      >
        {topRanges.map((candidate) => (
          <option key={candidate} value={candidate}>
            {rangeNames[candidate]}
          </option>
        ))}
      </select>
    </label>
  );
}
