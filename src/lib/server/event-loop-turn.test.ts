import { describe, expect, it } from 'vitest';
import { giveWay, TURN_BUDGET_MS, turnSpent } from './event-loop-turn';

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

	it('lets every waiter on, a turn budget at a time: long work spread over many tasks gives the loop a turn every few milliseconds', async () => {
		await new Promise((r) => setTimeout(r, 0));
		// 40 tasks of 2 ms each (80 ms in all), started together, as a burst of document loads would be
		const gaps: number[] = [];
		let last = performance.now();
		const probe = setInterval(() => {
			const now = performance.now();
			gaps.push(now - last);
			last = now;
		}, 1);
		await Promise.all(
			Array.from({ length: 40 }, async () => {
				await giveWay();
				busy(2);
			})
		);
		clearInterval(probe);
		expect(gaps.length).toBeGreaterThan(4);
		// never more than a budget plus one task between two turns (and some slack for a busy machine)
		expect(Math.max(...gaps)).toBeLessThan(TURN_BUDGET_MS + 2 + 15);
	});
});
