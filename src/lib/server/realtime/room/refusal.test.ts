import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { conflict, invalid, notFound } from '$lib/server/domain/errors';
import { roomError } from './refusal';

describe('roomError: the codes of a refusal over the socket (issue 20.4)', () => {
	it('carries a specific refusal\'s code', () => {
		expect(roomError('minutes:approve', conflict({ code: 'minutes.same_person' }))).toEqual({
			event: 'minutes:approve',
			code: 'conflict',
			message: 'The chair and the adjuster must be two different people',
			messageCode: { code: 'minutes.same_person' }
		});
	});

	it('keeps the shape of a plain refusal, with field codes when there are field errors', () => {
		expect(roomError('room:join', notFound('Meeting'))).toEqual({ event: 'room:join', code: 'not_found', message: 'Meeting not found' });
		expect(roomError('item:set', invalid('No such agenda item', { itemId: 'meeting.unknown_item' }))).toEqual({
			event: 'item:set',
			code: 'invalid',
			message: 'No such agenda item',
			fieldCodes: { itemId: { code: 'meeting.unknown_item' } }
		});
	});

	it('maps a malformed payload with the one zod mapping', () => {
		const parsed = z.strictObject({ itemId: z.string().max(5, 'field.too_long') }).safeParse({ itemId: 'x'.repeat(9) });
		expect(roomError('item:set', parsed.error)).toMatchObject({ code: 'invalid', fieldCodes: { itemId: { code: 'field.too_long', params: { max: 5 } } } });
	});
});
