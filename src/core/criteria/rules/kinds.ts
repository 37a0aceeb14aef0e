/**
 * The rule kinds, in the order the sheet and the messages list them. A new kind is a new
 * file in this folder (see define.ts) and one line here; everything else derives from this
 * list (index.ts).
 */
import { manual } from "./manual";
import { boolean } from "./boolean";
import { ratio } from "./ratio";
import { gate } from "./gate";
import { tiers } from "./tiers";
import { count } from "./count";
import { weightedShare } from "./weighted-share";
import { allOf } from "./all-of";
import { options } from "./options";

export const RULE_DEFINITIONS = [
  manual,
  boolean,
  ratio,
  gate,
  tiers,
  count,
  weightedShare,
  allOf,
  options,
] as const;
