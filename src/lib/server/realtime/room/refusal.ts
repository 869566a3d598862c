/** A domain refusal as the room's error event; anything unexpected is logged and reported as "error". */
import { z } from 'zod';
import { DomainError } from '$lib/server/domain/errors';
import { issueCode } from '$lib/server/domain/validation';
import { DutyRefusal } from '$lib/server/domain/room/room-context';
import type { RoomError } from '$lib/realtime/room/events';

export function roomError(event: string, err: unknown): RoomError {
	if (err instanceof DutyRefusal) {
		const { duty, party, personId, personName } = err.holder;
		return { event, code: err.code, message: err.message, holder: { duty, party, personId, personName } };
	}
	if (err instanceof DomainError) {
		// the codes when they say more than `code` already does (a specific refusal, field errors)
		const specific = err.messageCode.code !== `error.${err.code}`;
		return { event, code: err.code, message: err.message, ...(specific ? { messageCode: err.messageCode } : {}), ...(Object.keys(err.fieldCodes).length ? { fieldCodes: err.fieldCodes } : {}) };
	}
	if (err instanceof z.ZodError) {
		const fieldCodes = Object.fromEntries(err.issues.map((i) => [i.path.join('.') || 'payload', issueCode(i)]).reverse());
		return { event, code: 'invalid', message: err.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; '), fieldCodes };
	}
	console.error(`room: ${event} failed`, err);
	return { event, code: 'error', message: 'Something went wrong' };
}
