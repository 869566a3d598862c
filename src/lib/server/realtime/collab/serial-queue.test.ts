import { describe, expect, it } from 'vitest';
import { SerialQueue } from './serial-queue';

describe('SerialQueue', () => {
	it('runs a task pushed while nothing waits at once, and one pushed behind a waiting task after it, in order', async () => {
		const errors: unknown[] = [];
		const queue = new SerialQueue((err) => errors.push(err));
		const ran: string[] = [];
		queue.push(() => void ran.push('a'));
		expect(ran, 'synchronous task, nothing waiting: run at once').toEqual(['a']);
		expect(queue.length).toBe(0);

		let release!: () => void;
		queue.push(() => new Promise<void>((r) => (release = () => (ran.push('b'), r()))));
		queue.push(() => void ran.push('c'));
		queue.push(async () => void ran.push('d'));
		expect(queue.length).toBe(3);
		expect(ran, 'c and d wait behind b').toEqual(['a']);
		release();
		await queue.idle();
		expect(ran).toEqual(['a', 'b', 'c', 'd']);
		expect(queue.length).toBe(0);
		queue.push(() => void ran.push('e'));
		expect(ran.at(-1), 'idle again: at once').toBe('e');
		expect(errors).toEqual([]);
	});

	it('reports the first failure, synchronous or not, and drops everything after it', async () => {
		for (const failing of [
			() => {
				throw new Error('bad');
			},
			() => Promise.reject(new Error('bad'))
		]) {
			const errors: unknown[] = [];
			const queue = new SerialQueue((err) => errors.push(err));
			const ran: string[] = [];
			queue.push(failing);
			queue.push(() => void ran.push('after'));
			await queue.idle();
			queue.push(() => void ran.push('later'));
			await queue.idle();
			expect(ran).toEqual([]);
			expect(errors.map((e) => (e as Error).message)).toEqual(['bad']);
		}
	});
});
