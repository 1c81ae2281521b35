/** The two Tuesday-group members the dispatcher tests single out. */
import { toAddress } from "../../src/kernel/address.js";

export const ana = toAddress("console:ana");
export const ben = toAddress("console:ben");
