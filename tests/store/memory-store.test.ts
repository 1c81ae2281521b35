import { describe } from "vitest";
import { MemoryStore } from "../../src/store/memory-store.js";
import { describeStoreContract } from "./store-contract.js";

describe("MemoryStore", () => {
  describeStoreContract(async () => new MemoryStore());
});
