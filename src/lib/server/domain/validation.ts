import { z } from 'zod';
import { englishText, isErrorCode, type CodedMessage, type ErrorParams } from '$lib/errors/error-codes';
import { hasNoControlCharacters, isSingleLine } from '$lib/text-rules';
import { invalid, type TextedField } from './errors';

type Issue = z.core.$ZodIssue & { input?: unknown };

const bound = (value: unknown): number => (typeof value === 'bigint' ? Number(value) : (value as number));

/**
 * The code of a zod issue, the one mapping from zod to our error codes. A
 * schema names its code as the issue's message (`.max(200, 'field.too_long')`,
 * `.refine(isSingleLine, 'field.line_breaks')`); zod's own issues are mapped by
 * their kind. The limits (`min`, `max`) come from the issue.
 */
export function issueCode(issue: Issue): CodedMessage {
	const limits: ErrorParams = {};
	if ('minimum' in issue) limits.min = bound(issue.minimum);
	if ('maximum' in issue) limits.max = bound(issue.maximum);
	const custom = issue.code === 'custom' ? (issue.params as ErrorParams | undefined) : undefined;
	if (issue.message === 'field.required') return { code: 'field.required' };
	if (isErrorCode(issue.message)) return { code: issue.message, ...(Object.keys(limits).length || custom ? { params: { ...limits, ...custom } } : {}) };
	const origin = 'origin' in issue ? issue.origin : undefined;
	switch (issue.code) {
		case 'invalid_type':
			// missing, when the parse reported its input (parseInput does); otherwise only the type is known
			if ('input' in issue && issue.input === undefined && issue.expected !== 'never') return { code: 'field.required' };
			return { code: issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint' ? 'field.number' : 'field.invalid' };
		case 'too_small':
			if (origin === 'string') return limits.min === 1 ? { code: 'field.required' } : { code: 'field.too_short', params: limits };
			if (origin === 'array' || origin === 'set') return limits.min === 1 ? { code: 'field.required' } : { code: 'field.too_few', params: limits };
			return { code: 'field.too_small', params: limits };
		case 'too_big':
			if (origin === 'string') return { code: 'field.too_long', params: limits };
			if (origin === 'array' || origin === 'set') return { code: 'field.too_many', params: limits };
			return { code: 'field.too_big', params: limits };
		case 'invalid_format':
			if (issue.format === 'email') return { code: 'field.email' };
			if (issue.format === 'uuid' || issue.format === 'guid') return { code: 'field.id' };
			if (issue.format === 'datetime' || issue.format === 'date') return { code: 'field.datetime' };
			return { code: 'field.invalid' };
		case 'not_multiple_of':
			return { code: 'field.whole_number' };
		case 'invalid_value':
			return { code: 'field.choose' };
		case 'unrecognized_keys':
			return { code: 'field.unknown_key' };
		default:
			return { code: 'field.invalid' };
	}
}

/** A zod issue as a field error: its code, and zod's own text when the schema named no code. */
const fieldOf = (issue: Issue): TextedField => {
	const coded = issueCode(issue);
	return { ...coded, text: isErrorCode(issue.message) ? englishText(coded) : issue.message };
};

/**
 * Parses input at the domain boundary. Every transport hands raw input here, so
 * forms, the JSON API and sockets get the same rules and the same field errors.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const result = schema.safeParse(input, { reportInput: true });
	if (result.success) return result.data;
	const fields: Record<string, TextedField> = {};
	for (const issue of result.error.issues) {
		const path = issue.path.join('.') || '_';
		fields[path] ??= fieldOf(issue);
	}
	const summary = Object.entries(fields)
		.map(([k, v]) => (k === '_' ? v.text : `${k}: ${v.text}`))
		.join('; ');
	throw invalid(`Invalid input: ${summary}`, fields);
}

/** Trimmed single-line text (titles, names, locations): no line breaks or control characters. */
export const line = (max = 200) => z.string().trim().max(max, 'field.too_long').refine(isSingleLine, 'field.line_breaks');
/** Trimmed, non-empty, bounded single-line text. */
export const text = (max = 200) => z.string().trim().min(1, 'field.required').max(max, 'field.too_long').refine(isSingleLine, 'field.line_breaks');
/** Trimmed optional single-line text: '' becomes null. */
export const optionalText = (max = 200) =>
	line(max)
		.nullish()
		.transform((v) => (v ? v : null));
/** Trimmed multi-line text (notes, descriptions): keeps tab and line breaks, no other control characters. */
export const multilineText = (max: number) =>
	z.string().trim().max(max, 'field.too_long').refine(hasNoControlCharacters, 'field.control_characters');
export const email = () =>
	z
		.string()
		.trim()
		.toLowerCase()
		.max(254)
		.pipe(z.email('field.email'));
export const id = () => z.string().uuid('field.id');
