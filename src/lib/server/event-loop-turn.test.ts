import { describe, expect, it } from 'vitest';
import { eachInTurns, giveWay, inTurn, TURN_BUDGET_MS, turnSpent } from './event-loop-turn';
import { countTurns } from './turn-counter.testing';

function busy(ms: number): void {
	const until = performance.now() + ms;
	while (performance.now() < until);
}

describe('giveWay', () => {
	it('goes on at once while the turn has budget left', async () => {
		await new Promise((r) => setTimeout(r, 0));
		let timerRan = false;
		setTimeout(() => (timerRan = true), 0);
		await giveWay();
		expect(timerRan).toBe(false);
	});

	it('once the turn has spent its budget, waits for a later task of the event loop, and goes on there with a fresh budget', async () => {
		await new Promise((r) => setTimeout(r, 0));
		expect(turnSpent()).toBe(false);
		busy(TURN_BUDGET_MS + 2);
		expect(turnSpent()).toBe(true);
		let queuedEarlierRan = false;
		setImmediate(() => (queuedEarlierRan = true));
		await giveWay();
		expect(queuedEarlierRan).toBe(true);
		expect(turnSpent()).toBe(false);
	});

	it('lets every waiter on in turns: long work spread over many tasks lets timers run in between', async () => {
		await new Promise((r) => setTimeout(r, 0));
		// 40 tasks of 4 ms each (160 ms in all), started together, as a burst of document loads would be.
		// Without giving way they run as one block, and the timer cannot fire until all are done.
		let ticks = 0;
		const probe = setInterval(() => ticks++, 1);
		let done = 0;
		let ticksWhileWorking = 0;
		await Promise.all(
			Array.from({ length: 40 }, async () => {
				await giveWay();
				busy(4);
				if (++done === 40) ticksWhileWorking = ticks;
			})
		);
		clearInterval(probe);
		// about one turn per task (each task spends most of a turn's budget), however busy the machine
		expect(ticksWhileWorking).toBeGreaterThanOrEqual(5);
	});

	it('eachInTurns: a sweep over many items takes many turns, and reaches every item once, in order', async () => {
		await new Promise((r) => setTimeout(r, 0));
		let ticks = 0;
		const probe = setInterval(() => ticks++, 1);
		const seen: number[] = [];
		let ticksWhileSweeping = 0;
		await new Promise<void>((resolve) =>
			eachInTurns(
				Array.from({ length: 40 }, (_, i) => i),
				(i) => {
					busy(4);
					seen.push(i);
					if (i === 39) {
						ticksWhileSweeping = ticks;
						resolve();
					}
				}
			)
		);
		clearInterval(probe);
		expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => i));
		expect(ticksWhileSweeping).toBeGreaterThanOrEqual(5);
	});

	it('inTurn: a burst of short steps goes on in the same turn while the budget lasts, long ones a turn each', async () => {
		await new Promise((r) => setTimeout(r, 0));
		/** runs steps of `ms` each, all started together; returns in how many turns of the event loop they ran */
		const turnsFor = async (steps: number, ms: number): Promise<number> => {
			const turns = countTurns();
			const seen = new Set<number>();
			// a step already running makes the others wait, as a burst of upgrades finds the turn in use
			busy(TURN_BUDGET_MS + 1);
			await Promise.all(Array.from({ length: steps }, () => inTurn(() => (busy(ms), seen.add(turns.turn)))));
			turns.stop();
			return seen.size;
		};
		// 20 steps of 0.1 ms fit in one turn's budget several times over: not a turn each
		expect(await turnsFor(20, 0.1)).toBeLessThanOrEqual(4);
		// 10 steps longer than a budget: each has a turn of its own
		expect(await turnsFor(10, TURN_BUDGET_MS + 1)).toBeGreaterThanOrEqual(9);
	});
});
