/**
 * Adapter for /api/v1 endpoints: authenticate, read input, call one service
 * function, translate the result or error. Nothing else belongs in a route.
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { json } from '@sveltejs/kit';
import type { Actor } from '../domain/actor';
import { DomainError } from '../domain/errors';
import { app, type App } from '../app';
import { errorResponse, toErrorResponse } from './errors';

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

/** 204 No Content, for deletes and sign-out. */
export const noContent = () => new Response(null, { status: 204 });

/**
 * The body with one field set from the path (e.g. the duty of
 * PUT /forums/{id}/duties/{duty}). A body that is not an object is passed on
 * unchanged, so the service's validation rejects it.
 */
export function withField(body: unknown, field: string, value: string): unknown {
	return body !== null && typeof body === 'object' && !Array.isArray(body) ? { ...body, [field]: value } : body;
}

const CODE_OF_STATUS: Record<number, string> = {
	400: 'invalid',
	401: 'unauthenticated',
	403: 'forbidden',
	404: 'not_found',
	405: 'method_not_allowed',
	413: 'invalid',
	429: 'rate_limited'
};

/**
 * Errors SvelteKit answers by itself under /api/ (405 for a method a route
 * does not export, a body over the size limit) come as text; API clients get
 * the one JSON error shape instead. Other headers (e.g. Allow) are kept.
 */
export const handleApiErrors: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (!event.url.pathname.startsWith('/api/') || response.status < 400) return response;
	if ((response.headers.get('content-type') ?? '').includes('application/json')) return response;
	const message = (await response.text()).slice(0, 200) || 'Request failed';
	const replaced = errorResponse(response.status, CODE_OF_STATUS[response.status] ?? (response.status >= 500 ? 'internal' : 'error'), message);
	for (const [k, v] of response.headers) if (k !== 'content-type' && k !== 'content-length') replaced.headers.append(k, v);
	return replaced;
};
