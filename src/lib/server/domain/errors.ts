/**
 * Errors the domain raises. Adapters (routes, API, sockets) translate them to
 * HTTP statuses or close codes; the domain never knows about transports.
 */
export type DomainErrorCode =
	| 'unauthenticated'
	| 'forbidden'
	| 'not_found'
	| 'invalid'
	| 'conflict'
	| 'rate_limited';

export type ErrorReason = 'report_not_granted';

export class DomainError extends Error {
	constructor(
		readonly code: DomainErrorCode,
		message: string,
		/** field name → message, for forms */
		readonly fields: Record<string, string> = {},
		/** why, in a word a page can explain to the user (e.g. who grants access) */
		readonly reason?: ErrorReason
	) {
		super(message);
		this.name = 'DomainError';
	}
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const forbidden = (message = 'You do not have permission to do this') =>
	new DomainError('forbidden', message);
export const invalid = (message: string, fields: Record<string, string> = {}) =>
	new DomainError('invalid', message, fields);
export const conflict = (message: string, fields: Record<string, string> = {}) =>
	new DomainError('conflict', message, fields);
