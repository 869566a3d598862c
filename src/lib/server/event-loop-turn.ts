/**
 * Sharing the event loop between work that must be quick and work that can
 * wait a moment.
 *
 * Live edits are applied, committed and relayed the moment they arrive. Work
 * that can wait checks in here before each step: opening a document
 * (authorizing the upgrade, loading, seeding, applying a long log), compaction
 * and projection. Once the current turn of the event loop has run for
 * TURN_BUDGET_MS of such work, the rest waits for a later turn, so timers and
 * the other clients' messages get theirs in between.
 *
 * Why this is needed: better-sqlite3 answers synchronously, so a chain of
 * awaits on the database never leaves the microtask queue, and libuv hands a
 * whole burst of ready sockets to one poll phase. Before, 500 clients opening
 * 100 documents at once held every other client up for 110-125 ms, and
 * opening a document of 20,000 logged updates for 590 ms (issue 19).
 */

/**
 * how long one turn of the event loop may run deferrable work before the rest
 * waits: 5 ms since session 14 (10 before). While 500 clients open 100 new
 * documents, the longest stall went from 47–53 to 19–35 ms; the price is a
 * slower join when 50 open a freshly opened document at once (docs/decisions.md).
 */
export const TURN_BUDGET_MS = 5;

/** when deferrable work started in the current turn (null: not yet in this turn) */
let turnStarted: number | null = null;
/** work waiting for a turn, first come first served */
const waiting: (() => void)[] = [];
let pumping = false;
/** set while a caller has just gone on and its work has not begun (see giveWay) */
let justPassed = false;

function endTurn(): void {
	turnStarted = null;
}

/**
 * Whether the current turn has used up its budget. The first call of a turn
 * starts the count; an immediate marks the turn's end (a pending immediate
 * also keeps the loop from blocking in poll, so the mark is never stale for long).
 */
export function turnSpent(): boolean {
	const now = performance.now();
	if (turnStarted === null) {
		turnStarted = now;
		setImmediate(endTurn);
		return false;
	}
	return now - turnStarted >= TURN_BUDGET_MS;
}

/**
 * Resolves at once while the turn has budget left and nobody waits; otherwise
 * in a later turn of the event loop. Waiting work is let on one task per turn,
 * in order, so the turns in between stay short for timers and I/O.
 *
 * A caller that goes on has not done its work yet when the next one asks in
 * the same synchronous run (tasks started together, e.g. by Promise.all): only
 * the first of those goes on, the others wait their turn.
 */
export function giveWay(): Promise<void> {
	if (waiting.length === 0 && !justPassed && !turnSpent()) {
		justPassed = true;
		queueMicrotask(() => (justPassed = false));
		return Promise.resolve();
	}
	return new Promise<void>((resolve) => {
		waiting.push(resolve);
		if (!pumping) {
			pumping = true;
			setImmediate(letOneOn);
		}
	});
}

/**
 * Runs `step` once the turn has room for it (giveWay), and when it has ended
 * lets the next waiting task on in the same turn if the budget still allows.
 * For bursts of short steps whose end is known (authorizing a burst of
 * upgrades): one turn each would make 50 people joining at once take 50
 * turns. As with giveWay, a turn overruns its budget by one step at most.
 */
export async function inTurn<T>(step: () => Promise<T> | T): Promise<T> {
	await giveWay();
	try {
		return await step();
	} finally {
		if (waiting.length > 0 && !turnSpent()) waiting.shift()!();
	}
}

/** Lets the first waiting task on, with a fresh budget; the next one goes in a later turn. */
function letOneOn(): void {
	endTurn();
	// the budget counts from here: what this task does is the turn's first work (see inTurn)
	turnSpent();
	waiting.shift()?.();
	if (waiting.length > 0) setImmediate(letOneOn);
	else pumping = false;
}

/**
 * Runs `step` for every item, each after `giveWay()`: a sweep over every open
 * connection (the periodic access re-check: a database read per connection
 * whose decision has expired) becomes one step per turn instead of one block.
 */
export function eachInTurns<T>(items: Iterable<T>, step: (item: T) => unknown): void {
	for (const item of [...items]) void giveWay().then(() => step(item));
}
