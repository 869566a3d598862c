import { json } from '@sveltejs/kit';
import type { CodedMessage } from '$lib/errors/error-codes';
import { DomainError, type DomainErrorCode } from '../domain/errors';

const STATUS: Record<DomainErrorCode, number> = {
	unauthenticated: 401,
	forbidden: 403,
	not_found: 404,
	invalid: 400,
	conflict: 409,
	rate_limited: 429
};

export const statusOf = (code: DomainErrorCode): number => STATUS[code];

/**
 * `{"error":{"code","message","fields"?,"messageCode"?,"params"?,"fieldCodes"?}}`, the one
 * error shape of /api/v1: `code` is the kind, `message` and `fields` are English,
 * `messageCode` and `fieldCodes` the stable codes of $lib/errors/error-codes (with
 * their parameters) a client shows in its user's language.
 */
export function errorResponse(
	status: number,
	code: string,
	message: string,
	fields?: Record<string, string>,
	coded?: { messageCode: CodedMessage; fieldCodes: Record<string, CodedMessage> }
) {
	const codes = coded
		? {
				messageCode: coded.messageCode.code,
				...(coded.messageCode.params ? { params: coded.messageCode.params } : {}),
				...(Object.keys(coded.fieldCodes).length ? { fieldCodes: coded.fieldCodes } : {})
			}
		: {};
	return json({ error: { code, message, ...(fields && Object.keys(fields).length ? { fields } : {}), ...codes } }, { status });
}

const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

/** A request body over its limit (413): a matter of the transport, the domain never sees such a body. */
export class BodyTooLarge extends Error {
	constructor(readonly limit: number) {
		super(`The request body is larger than ${mib(limit)}`);
		this.name = 'BodyTooLarge';
	}
}

export function toErrorResponse(err: unknown): Response {
	if (err instanceof DomainError) return errorResponse(statusOf(err.code), err.code, err.message, err.fields, err);
	if (err instanceof BodyTooLarge) return errorResponse(413, 'too_large', err.message);
	console.error(err);
	return errorResponse(500, 'internal', 'Something went wrong on the server');
}
