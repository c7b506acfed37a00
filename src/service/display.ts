/**
 * How the core's things are written for people, the same in the terminal, on Discord and in the logs:
 * front ends take these from here rather than from src/knowledge/.
 */

/** A problem at the place to edit: "facts/x.yaml:12:3: error: …", then its hint. */
export { formatProblem } from '../knowledge/problems.ts';

/** The knowledge version people see: its content hash and when it was loaded. */
export { versionLabel } from '../knowledge/snapshot.ts';

/**
 * Knowledge-base text made safe for Discord's markup by the rules the validator checks it with: mention
 * syntax made inert, and a masked link whose words are another address written out.
 */
export { inertMentions, unmaskDeceptiveLinks } from '../knowledge/markup.ts';
