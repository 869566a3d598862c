import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_FRESH_MS, newlyAssigned } from './action-notices';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const action = (id: string, owner: string | null, more: Partial<Parameters<typeof newlyAssigned>[1][number]> = {}) => ({
	id,
	owner_person_id: owner,
	status: 'open' as const,
	escalated_from_id: null,
	createdBy: 'writer',
	createdAt: NOW.toISOString(),
	...more
});

describe('newlyAssigned', () => {
	it('names the owner of a new action and the new owner of a changed one', () => {
		const before = new Map([
			['a', { owner_person_id: 'anna' }],
			['b', { owner_person_id: null }]
		]);
		expect(newlyAssigned(before, [action('a', 'bo'), action('b', 'cia'), action('c', 'dan')], NOW)).toEqual([
			{ actionId: 'a', ownerId: 'bo' },
			{ actionId: 'b', ownerId: 'cia' },
			{ actionId: 'c', ownerId: 'dan' }
		]);
	});
	it('says nothing when the owner is unchanged, removed, or finished', () => {
		const before = new Map([
			['a', { owner_person_id: 'anna' }],
			['b', { owner_person_id: 'bo' }]
		]);
		expect(newlyAssigned(before, [action('a', 'anna'), action('b', null), action('c', 'cia', { status: 'done' })], NOW)).toEqual([]);
	});
	it('does not tell one who put an action on the list for themselves', () => {
		expect(newlyAssigned(new Map(), [action('a', 'writer')], NOW)).toEqual([]);
	});
	it('announces an escalated copy as escalated, not as assigned', () => {
		expect(newlyAssigned(new Map(), [action('a', 'bo', { escalated_from_id: 'x' })], NOW)).toEqual([]);
	});
	it('takes an item written long before it is first projected as history, not news', () => {
		const old = new Date(NOW.getTime() - ASSIGNMENT_FRESH_MS - 1).toISOString();
		expect(newlyAssigned(new Map(), [action('a', 'bo', { createdAt: old })], NOW)).toEqual([]);
	});
});
