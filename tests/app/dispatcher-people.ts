import { toAddress } from "../../src/kernel/address.js";

/** Ana, a member of the Tuesday group the dispatcher tests single out. */
export const ana = toAddress("console:ana");

/** Ben, another member of the Tuesday group. */
export const ben = toAddress("console:ben");
