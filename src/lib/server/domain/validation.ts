import { z } from 'zod';
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

/** Trimmed, non-empty, bounded text. */
export const text = (max = 200) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);
/** Trimmed optional text: '' becomes null. */
export const optionalText = (max = 200) =>
	z
		.string()
		.trim()
		.max(max, `At most ${max} characters`)
		.nullish()
		.transform((v) => (v ? v : null));
export const email = () =>
	z
		.string()
		.trim()
		.toLowerCase()
		.max(254)
		.pipe(z.email('Not a valid e-mail address'));
export const id = () => z.string().uuid('Not a valid id');
