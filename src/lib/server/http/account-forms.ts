/**
 * Form actions of the pages used before signing in (forgotten password, a
 * reset or invitation link, the second sign-in step): no actor, and a
 * DomainError becomes what the page shows, as formAction does for signed-in pages.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { app, type App } from '../app';
import { DomainError } from '../domain/errors';
import { statusOf } from './errors';
import { readForm } from './forms';

export interface AnonymousFormContext {
	app: App;
	data: Record<string, string>;
	event: RequestEvent;
}

export function anonymousAction<T>(handler: (ctx: AnonymousFormContext) => Promise<T>) {
	return async (event: RequestEvent) => {
		const form = await readForm(event.request);
		const data: Record<string, string> = {};
		for (const [k, v] of form) if (typeof v === 'string') data[k] = v;
		try {
			const result = await handler({ app: await app(), data, event });
			return { ok: true as const, form: data._form ?? null, result: result ?? null };
		} catch (err) {
			if (!(err instanceof DomainError)) throw err;
			const { password: _p, code: _c, ...values } = data;
			return fail(statusOf(err.code), { form: data._form ?? null, message: err.message, fields: err.fields, messageCode: err.messageCode, fieldCodes: err.fieldCodes, values });
		}
	};
}
