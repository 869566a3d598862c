import { z } from 'zod';
import { hasNoControlCharacters, isSingleLine, NO_CONTROL_CHARACTERS, NO_LINE_BREAKS } from '$lib/text-rules';
import { invalid } from './errors';

/**
 * Parses input at the domain boundary. Every transport hands raw input here, so
 * forms, the JSON API and sockets get the same rules and the same field errors.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const fields: Record<string, string> = {};
	for (const issue of result.error.issues) {
		const path = issue.path.join('.') || '_';
		fields[path] ??= issue.message;
	}
	const summary = Object.entries(fields)
		.map(([k, v]) => (k === '_' ? v : `${k}: ${v}`))
		.join('; ');
	throw invalid(`Invalid input: ${summary}`, fields);
}

/** Trimmed single-line text (titles, names, locations): no line breaks or control characters. */
export const line = (max = 200) => z.string().trim().max(max, `At most ${max} characters`).refine(isSingleLine, NO_LINE_BREAKS);
/** Trimmed, non-empty, bounded single-line text. */
export const text = (max = 200) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`).refine(isSingleLine, NO_LINE_BREAKS);
/** Trimmed optional single-line text: '' becomes null. */
export const optionalText = (max = 200) =>
	line(max)
		.nullish()
		.transform((v) => (v ? v : null));
/** Trimmed multi-line text (notes, descriptions): keeps tab and line breaks, no other control characters. */
export const multilineText = (max: number) =>
	z.string().trim().max(max, `At most ${max} characters`).refine(hasNoControlCharacters, NO_CONTROL_CHARACTERS);
export const email = () =>
	z
		.string()
		.trim()
		.toLowerCase()
		.max(254)
		.pipe(z.email('Not a valid e-mail address'));
export const id = () => z.string().uuid('Not a valid id');
