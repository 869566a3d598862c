/**
 * Errors the domain raises. Adapters (routes, API, sockets) translate them to
 * HTTP statuses or close codes; the domain never knows about transports.
 * Each error and each field error carries a code from $lib/errors/error-codes
 * (with its parameters): pages, API and sockets show it in the user's language
 * through $lib/i18n/error-message, the English text is for the API and logs.
 */
import { englishText, type CodedMessage, type ErrorCode } from '$lib/errors/error-codes';

export type DomainErrorCode =
	| 'unauthenticated'
	| 'forbidden'
	| 'not_found'
	| 'invalid'
	| 'conflict'
	| 'rate_limited';

export type ErrorReason = 'report_not_granted';

/** A field error: a code alone ('field.required') or with its parameters. */
export type Coded = ErrorCode | CodedMessage;

/** A value the refusal hands back in `fields` (e.g. when a meeting starts), not an error of that field. */
export class FieldValue {
	constructor(readonly value: string) {}
}
export const fieldValue = (value: string) => new FieldValue(value);

/** A field error whose English text is given (zod's own text for an issue it raised). */
export interface TextedField extends CodedMessage {
	text: string;
}

export type FieldErrors = Record<string, Coded | TextedField | FieldValue>;

const toCoded = (c: Coded): CodedMessage => (typeof c === 'string' ? { code: c } : c.params ? { code: c.code, params: c.params } : { code: c.code });

export class DomainError extends Error {
	/** what went wrong, as a code (the kind's generic code when the message is plain English) */
	readonly messageCode: CodedMessage;
	/** field name → English message (or value), for the API and logs */
	readonly fields: Record<string, string> = {};
	/** field name → code, for showing each field's error in the user's language */
	readonly fieldCodes: Record<string, CodedMessage> = {};

	constructor(
		readonly code: DomainErrorCode,
		message: string | CodedMessage,
		fields: FieldErrors = {},
		/** why, in a word a page can explain to the user (e.g. who grants access) */
		readonly reason?: ErrorReason
	) {
		super(typeof message === 'string' ? message : englishText(message));
		this.name = 'DomainError';
		this.messageCode = typeof message === 'string' ? { code: `error.${code}` } : toCoded(message);
		for (const [path, f] of Object.entries(fields)) {
			if (f instanceof FieldValue) {
				this.fields[path] = f.value;
				continue;
			}
			const coded = toCoded(f);
			this.fieldCodes[path] = coded;
			this.fields[path] = typeof f === 'object' && 'text' in f ? f.text : englishText(coded);
		}
	}

	/** The same error with its field paths renamed (a form's rows are not the service's list). */
	renameFields(rename: (path: string) => string): DomainError {
		const fields: FieldErrors = {};
		for (const [path, text] of Object.entries(this.fields)) {
			const coded = this.fieldCodes[path];
			fields[rename(path)] = coded ? { ...coded, text } : fieldValue(text);
		}
		return new DomainError(this.code, this.messageCode.code.startsWith('error.') ? this.message : this.messageCode, fields, this.reason);
	}
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const forbidden = (message = 'You do not have permission to do this') =>
	new DomainError('forbidden', message);
export const invalid = (message: string | CodedMessage, fields: FieldErrors = {}) =>
	new DomainError('invalid', message, fields);
export const conflict = (message: string | CodedMessage, fields: FieldErrors = {}) =>
	new DomainError('conflict', message, fields);
