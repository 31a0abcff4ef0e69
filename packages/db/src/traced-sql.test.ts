import { describe, expect, it } from "vitest";
import { summarizeQuery } from "./traced-sql.ts";

describe("summarizeQuery", () => {
  it("names drizzle statements by verb and first table", () => {
    expect(
      summarizeQuery('select "id", "sha256" from "wallpapers" where "wallpapers"."id" = $1').summary,
    ).toBe("SELECT wallpapers");
    expect(summarizeQuery('insert into "outbox" ("type", "payload") values ($1, $2) returning "id"')).toEqual(
      {
        operation: "INSERT",
        table: "outbox",
        summary: "INSERT outbox",
      },
    );
    expect(
      summarizeQuery('update "processing_steps" set "state" = $1 where "wallpaper_id" = $2').summary,
    ).toBe("UPDATE processing_steps");
    expect(summarizeQuery('delete from "wallpaper_colors" where "wallpaper_id" = $1').summary).toBe(
      "DELETE wallpaper_colors",
    );
  });

  it("falls back to the verb alone and never includes literals", () => {
    expect(summarizeQuery("select pg_advisory_xact_lock($1)").summary).toBe("SELECT");
    const summary = summarizeQuery("  SET LOCAL statement_timeout = '5s'").summary;
    expect(summary).toBe("SET");
  });
});
