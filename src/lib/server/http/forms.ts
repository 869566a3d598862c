/**
 * Adapter for form actions: call a service, and turn a DomainError into what
 * the page shows (field messages for bad input, 404 for what is not yours).
 */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actor } from '../domain/actor';
import { DomainError } from '../domain/errors';
import { app, type App } from '../app';
import { readBody } from './api';
import { BodyTooLarge, statusOf } from './errors';

export interface FormContext {
	app: App;
	actor: Actor;
	data: Record<string, string>;
	event: RequestEvent;
}

export function requireActor(event: RequestEvent): Actor {
	const actor = event.locals.actor;
	if (!actor) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
	return actor;
}

/** The largest form post: an article's rich text (200,000 characters of JSON) percent-encoded, with room to spare. */
export const MAX_FORM_BYTES = 2 * 1024 * 1024;

/**
 * A posted form, read with the byte limit counted while it arrives: 413 past
 * MAX_FORM_BYTES (not the 500 of reading it whole), 400 when it cannot be read.
 */
export async function readForm(request: Request): Promise<FormData> {
	let bytes: Uint8Array<ArrayBuffer>;
	try {
		bytes = await readBody(request, MAX_FORM_BYTES);
	} catch (err) {
		if (err instanceof BodyTooLarge) error(413, err.message);
		if (err instanceof DomainError) error(statusOf(err.code), err.message);
		throw err;
	}
	try {
		return await new Response(bytes, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
	} catch {
		error(400, 'The form could not be read');
	}
}

/** Form fields as strings; repeated names keep the last value. */
async function formFields(request: Request): Promise<Record<string, string>> {
	const form = await readForm(request);
	const data: Record<string, string> = {};
	for (const [k, v] of form) if (typeof v === 'string') data[k] = v;
	return data;
}

export function formAction<T>(handler: (ctx: FormContext) => Promise<T>) {
	return async (event: RequestEvent) => {
		const actor = requireActor(event);
		const data = await formFields(event.request);
		try {
			const result = await handler({ app: await app(), actor, data, event });
			return { ok: true as const, form: data._form ?? null, result: result ?? null };
		} catch (err) {
			if (!(err instanceof DomainError)) throw err;
			if (err.code === 'not_found') error(404, err.message);
			if (err.code === 'unauthenticated') redirect(303, '/login');
			const { password: _p, ...values } = data;
			return fail(statusOf(err.code), { form: data._form ?? null, message: err.message, fields: err.fields, messageCode: err.messageCode, fieldCodes: err.fieldCodes, values });
		}
	};
}

/** Loads page data through a service; DomainErrors become the right HTTP error page. */
export async function loadWith<T>(event: RequestEvent, fn: (app: App, actor: Actor) => Promise<T>): Promise<T> {
	const actor = requireActor(event);
	try {
		return await fn(await app(), actor);
	} catch (err) {
		if (err instanceof DomainError) error(statusOf(err.code), { message: err.message, ...(err.reason ? { reason: err.reason } : {}) });
		throw err;
	}
}
