import { failStep } from "@wallpaperdb/pipeline";
import { describe, expect, it } from "vitest";
import { changes, rest, take, useProgressWorld, view } from "./progress-fixture.ts";

const world = useProgressWorld();
const { runRelay, createWallpaper, subscribe, start, finish, retry } = world;

describe("progress.wallpaper subscription", () => {
  it("yields the current steps first, then every change in order, and ends when ready", async () => {
    await runRelay();
    const id = await createWallpaper();
    await start(id, "variants");
    const feed = await subscribe(id);
    const [snapshot] = await take(feed, 1);
    expect(snapshot?.data.change).toBeNull();
    expect(view(snapshot)).toEqual([
      "variants:running:1",
      "quality:pending:0",
      "color:pending:0",
      "classify:pending:0",
      "detect:pending:0",
    ]);

    await finish(id, "variants");
    await start(id, "quality");
    await start(id, "color");
    await retry(id, "color");
    await start(id, "color");
    await finish(id, "quality");
    await finish(id, "color");
    await start(id, "classify");
    await finish(id, "classify");
    await start(id, "detect");
    await finish(id, "detect");

    const live = await rest(feed);
    expect(changes(live)).toEqual([
      "variants:done:1",
      "quality:running:1",
      "color:running:1",
      "color:pending:1:blob store timed out",
      "color:running:2",
      "quality:done:1",
      "color:done:2",
      "classify:running:1",
      "classify:done:1",
      "detect:running:1",
      "detect:done:1",
      "ready",
    ]);
    expect(live.at(-1)?.data.view.status).toBe("ready");
    // The subscriber's ephemeral consumer is gone with it.
    const left = [];
    for await (const consumer of world.bus.jsm.consumers.list(world.bus.names.stream))
      left.push(consumer.name);
    expect(left).toEqual([]);
  });

  it("resumes after a disconnect from lastEventId with no missing and no repeated change", async () => {
    await runRelay();
    const id = await createWallpaper();
    const first = await subscribe(id);
    const before = await take(first, 1);
    await start(id, "variants");
    await finish(id, "variants");
    before.push(...(await take(first, 2)));
    await first.return?.();
    const lastEventId = before.at(-1)?.id ?? "";

    // While the client is away: changes it must not lose.
    await start(id, "quality");
    await start(id, "color");
    await finish(id, "color");

    const second = await subscribe(id, lastEventId);
    const resumedHead = await take(second, 3);
    await finish(id, "quality");
    await start(id, "classify");
    await finish(id, "classify");
    await start(id, "detect");
    await finish(id, "detect");
    const after = [...resumedHead, ...(await rest(second))];

    expect(after[0]?.data.change).not.toBeNull(); // no second snapshot: it continues the stream
    expect([...changes(before), ...changes(after)]).toEqual([
      "variants:running:1",
      "variants:done:1",
      "quality:running:1",
      "color:running:1",
      "color:done:1",
      "quality:done:1",
      "classify:running:1",
      "classify:done:1",
      "detect:running:1",
      "detect:done:1",
      "ready",
    ]);
  });

  it("resuming from a snapshot taken while the relay lagged drops what the snapshot already showed", async () => {
    const id = await createWallpaper();
    await start(id, "variants");
    await finish(id, "variants");
    // Nothing is published yet: PostgreSQL is ahead of the stream.
    const first = await subscribe(id);
    const [snapshot] = await take(first, 1);
    await first.return?.();
    expect(view(snapshot)).toEqual([
      "variants:done:1",
      "quality:pending:0",
      "color:pending:0",
      "classify:pending:0",
      "detect:pending:0",
    ]);

    await runRelay(); // now publishes variants pending, running and done after the snapshot's position
    await start(id, "quality");
    const second = await subscribe(id, snapshot?.id);
    const [next] = await take(second, 1);
    await second.return?.();
    expect(changes(next ? [next] : [])).toEqual(["quality:running:1"]);
  });

  it("answers a finished wallpaper from PostgreSQL alone, and a failed step with its reason", async () => {
    await runRelay();
    const id = await createWallpaper();
    await start(id, "variants");
    await failStep(world.h.deps.db, id, "variants", "unsupported image: truncated file", true);
    const items = await rest(await subscribe(id));
    expect(items).toHaveLength(1);
    expect(items[0]?.data.view.status).toBe("failed");
    expect(items[0]?.data.view.steps[0]).toMatchObject({
      step: "variants",
      state: "failed",
      error: "unsupported image: truncated file",
    });
  });
});
