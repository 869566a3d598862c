import { json } from '@sveltejs/kit';
import { DomainError, type DomainErrorCode } from '../domain/errors';

const STATUS: Record<DomainErrorCode, number> = {
	unauthenticated: 401,
	forbidden: 403,
	not_found: 404,
	invalid: 400,
	conflict: 409,
	rate_limited: 429,
	too_large: 413
};

export const statusOf = (code: DomainErrorCode): number => STATUS[code];

/** `{"error":{"code","message","fields"?}}`, the one error shape of /api/v1. */
export function errorResponse(status: number, code: string, message: string, fields?: Record<string, string>) {
	return json({ error: { code, message, ...(fields && Object.keys(fields).length ? { fields } : {}) } }, { status });
}

export function toErrorResponse(err: unknown): Response {
	if (err instanceof DomainError) return errorResponse(statusOf(err.code), err.code, err.message, err.fields);
	console.error(err);
	return errorResponse(500, 'internal', 'Something went wrong on the server');
}
