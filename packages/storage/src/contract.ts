import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe } from "vitest";
import { concurrencyCases } from "./contract-concurrency.ts";
import type { BlobStoreContractFixture, ContractContext } from "./contract-context.ts";
import { ioCases, pingCases } from "./contract-io.ts";
import { invalidKeyCases, keyCases } from "./contract-keys.ts";
import { presignedCases } from "./contract-presigned.ts";

export type { BlobStoreContractFixture } from "./contract-context.ts";

export function describeBlobStoreContract(
  name: string,
  setup: () => Promise<BlobStoreContractFixture>,
): void {
  describe(`BlobStore contract: ${name}`, () => {
    let current: BlobStoreContractFixture | undefined;
    const fixture = (): BlobStoreContractFixture => {
      if (!current) throw new Error("contract fixture not set up");
      return current;
    };
    const context: ContractContext = {
      store: () => fixture().store,
      fixture,
      freshPrefix: () => `contract/${randomUUID()}/`,
    };

    beforeAll(async () => {
      current = await setup();
    });
    afterAll(async () => {
      await current?.cleanup();
    });

    // Registration order is run order, so the groups stay in the suite's original case order.
    pingCases(context);
    ioCases(context);
    keyCases(context);
    concurrencyCases(context);
    invalidKeyCases(context);
    presignedCases(context);
  });
}
