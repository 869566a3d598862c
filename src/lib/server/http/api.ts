/**
 * Adapter for /api/v1 endpoints: authenticate, read input, call one service
 * function, translate the result or error. Nothing else belongs in a route.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { json } from '@sveltejs/kit';
import type { Actor } from '../domain/actor';
import { DomainError } from '../domain/errors';
import { app, type App } from '../app';
import { toErrorResponse } from './errors';

export interface ApiContext {
	app: App;
	actor: Actor;
	event: RequestEvent;
}

const MAX_BODY_BYTES = 1024 * 1024;

export async function readJson(request: Request): Promise<unknown> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.includes('application/json')) {
		throw new DomainError('invalid', 'Send a JSON body with Content-Type: application/json');
	}
	const body = await request.text();
	if (body.length > MAX_BODY_BYTES) throw new DomainError('invalid', 'The request body is too large');
	try {
		return JSON.parse(body);
	} catch {
		throw new DomainError('invalid', 'The request body is not valid JSON');
	}
}

type Handler = (ctx: ApiContext) => Promise<unknown>;

/** Wraps a handler that needs a signed-in actor. Returns its value as JSON (status 200 or `status`). */
export function authed(handler: Handler, status = 200) {
	return async (event: RequestEvent): Promise<Response> => {
		try {
			const actor = event.locals.actor;
			if (!actor) throw new DomainError('unauthenticated', 'Sign in first');
			const result = await handler({ app: await app(), actor, event });
			if (result instanceof Response) return result;
			return json(result ?? null, { status });
		} catch (err) {
			return toErrorResponse(err);
		}
	};
}

/** Wraps a handler that is open to anonymous callers. */
export function open(handler: (ctx: Omit<ApiContext, 'actor'> & { actor: Actor | null }) => Promise<unknown>, status = 200) {
	return async (event: RequestEvent): Promise<Response> => {
		try {
			const result = await handler({ app: await app(), actor: event.locals.actor, event });
			if (result instanceof Response) return result;
			return json(result ?? null, { status });
		} catch (err) {
			return toErrorResponse(err);
		}
	};
}
