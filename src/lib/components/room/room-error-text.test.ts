import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import type { RoomError } from '$lib/realtime/room/events';
import { roomErrorText } from './room-error-text';

const refused = (holder: RoomError['holder']): RoomError => ({ event: 'timer:restart', code: 'forbidden', message: 'Only the chair may do this', holder });

describe('roomErrorText', () => {
	const defaultGetLocale = getLocale;
	afterEach(() => overwriteGetLocale(defaultGetLocale));

	it('names who holds the duty now when a control is refused for it (Swedish)', () => {
		expect(roomErrorText(refused({ duty: 'chair', party: 'customer', personId: 'p', personName: 'Oskar Falk' }))).toBe('Det får du inte göra: ordförande är nu Oskar Falk.');
		expect(roomErrorText(refused({ duty: 'presenter', party: 'supplier', personId: null, personName: null }))).toBe('Det får du inte göra: föredragande är nu Leverantör (ingen namngiven).');
	});

	it('and in English', () => {
		overwriteGetLocale(() => 'en');
		expect(roomErrorText(refused({ duty: 'chair', party: 'customer', personId: 'p', personName: 'Oskar Falk' }))).toBe('You may not do that: the chair is now Oskar Falk.');
	});

	it('keeps the general refusals as they were', () => {
		expect(roomErrorText({ event: 'vote:cast', code: 'forbidden', message: 'x' })).toBe('Det får du inte göra i det här mötet.');
		expect(roomErrorText({ event: 'room:join', code: 'not_found', message: 'x' })).toBe('Mötet finns inte.');
		expect(roomErrorText({ event: 'item:set', code: 'conflict', message: 'No agenda item' })).toBe('Det gick inte: No agenda item');
	});

	it('says a specific refusal by its code, and a field error by its code', () => {
		expect(roomErrorText({ event: 'minutes:approve', code: 'conflict', message: 'x', messageCode: { code: 'minutes.same_person' } })).toBe('Ordförande och justerare måste vara två olika personer.');
		expect(roomErrorText({ event: 'item:set', code: 'invalid', message: 'No such agenda item', fieldCodes: { itemId: { code: 'meeting.unknown_item' } } })).toBe('Det gick inte: Punkten finns inte på dagordningen.');
	});
});
