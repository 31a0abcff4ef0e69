import postgres from "postgres";

export interface ProcessingHold {
  /** Lets the held step commit: processing continues from where it stopped. */
  release(): Promise<void>;
  isProcessed(wallpaperId: string): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Holds every wallpaper mid-processing for an end-to-end test: an EXCLUSIVE lock on `variants` lets the
 * variants step start (and say so) but blocks the transaction that stores its rows and marks it done.
 * Reads of the table, and everything ingest writes, are unaffected.
 */
export async function holdVariantsStep(databaseUrl: string): Promise<ProcessingHold> {
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const holder = await sql.reserve();
  await holder`begin`;
  await holder`lock table variants in exclusive mode`;
  let held = true;
  async function release(): Promise<void> {
    if (!held) return;
    held = false;
    await holder`commit`;
    holder.release();
  }
  return {
    release,
    async isProcessed(wallpaperId) {
      const rows = await sql`select processed_at from wallpapers where id = ${wallpaperId}`;
      return rows[0]?.processed_at != null;
    },
    async close() {
      await release();
      await sql.end();
    },
  };
}
