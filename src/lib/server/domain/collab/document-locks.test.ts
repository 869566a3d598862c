import { describe, expect, it } from 'vitest';
import { advisoryKey } from './document-locks';

describe('advisory lock keys', () => {
	const name = 'meeting.00000000-0000-4000-8000-000000000001.minutes';

	it('are signed 64-bit integers (PostgreSQL bigint), the same in every process', () => {
		const key = BigInt(advisoryKey('compact', name));
		expect(key >= -(2n ** 63n) && key < 2n ** 63n).toBe(true);
		expect(advisoryKey('compact', name)).toBe(advisoryKey('compact', name));
	});

	it('differ per document and per purpose, so compaction and projection never wait for each other', () => {
		const keys = new Set([
			advisoryKey('compact', name),
			advisoryKey('project', name),
			advisoryKey('compact', name.replace('minutes', 'agenda')),
			advisoryKey('project', name.replace('minutes', 'agenda'))
		]);
		expect(keys.size).toBe(4);
	});
});
