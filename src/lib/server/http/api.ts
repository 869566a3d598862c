/**
 * Adapter for /api/v1 endpoints: authenticate, read input, call one service
 * function, translate the result or error. Nothing else belongs in a route.
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { json } from '@sveltejs/kit';
import type { Actor } from '../domain/actor';
import { DomainError } from '../domain/errors';
import { app, type App } from '../app';
import { MAX_JSON_DEPTH, tooDeep } from '../domain/json-depth';
import { BodyTooLarge, errorResponse, toErrorResponse } from './errors';

export interface ApiContext {
	app: App;
	actor: Actor;
	event: RequestEvent;
}

/** The documented limit of a JSON body. */
export const MAX_JSON_BYTES = 1024 * 1024;
/** The largest file an upload (ticket import) may send; server/index.ts sets adapter-node's BODY_SIZE_LIMIT to the same. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/**
 * Reads and drops the rest of a body that was refused, without keeping it:
 * the client can finish sending and read the answer, and memory stays flat
 * (adapter-node ends the stream at BODY_SIZE_LIMIT).
 */
function discard(body: ReadableStream<Uint8Array>) {
	void (async () => {
		const reader = body.getReader();
		try {
			while (!(await reader.read()).done) {
				/* dropped */
			}
		} catch {
			/* the client went away, or the server's own limit ended it */
		}
	})();
}

/**
 * The body's bytes, counted while they arrive: past `limit` (or a declared
 * Content-Length over it) the read stops at once with 413, before the rest
 * is held in memory. A body that breaks off is a 400.
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
	const body = request.body;
	if (!body) return new Uint8Array(0);
	if (Number(request.headers.get('content-length') ?? 0) > limit) {
		discard(body);
		throw new BodyTooLarge(limit);
	}
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		let step: ReadableStreamReadResult<Uint8Array>;
		try {
			step = await reader.read();
		} catch (err) {
			// adapter-node's own limit (BODY_SIZE_LIMIT, or more bytes than Content-Length said) is a 413 too
			if ((err as { status?: unknown }).status === 413) throw new BodyTooLarge(limit);
			throw new DomainError('invalid', 'The request body could not be read to its end');
		}
		if (step.done) break;
		size += step.value.byteLength;
		if (size > limit) {
			reader.releaseLock();
			discard(body);
			throw new BodyTooLarge(limit);
		}
		chunks.push(step.value);
	}
	const bytes = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		bytes.set(c, at);
		at += c.byteLength;
	}
	return bytes;
}

/**
 * A JSON body: at most MAX_JSON_BYTES (counted while reading), UTF-8, nested
 * at most MAX_JSON_DEPTH deep (checked before parsing, so nothing after it
 * can run out of stack), and complete.
 */
export async function readJson(request: Request): Promise<unknown> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.includes('application/json')) {
		if (request.body) discard(request.body);
		throw new DomainError('invalid', 'Send a JSON body with Content-Type: application/json');
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(await readBody(request, MAX_JSON_BYTES));
	} catch (err) {
		if (err instanceof DomainError || err instanceof BodyTooLarge) throw err;
		throw new DomainError('invalid', 'The request body is not UTF-8');
	}
	if (tooDeep(text)) throw new DomainError('invalid', `The request body nests arrays and objects more than ${MAX_JSON_DEPTH} deep`);
	try {
		return JSON.parse(text);
	} catch {
		throw new DomainError('invalid', 'The request body is not valid JSON (malformed or cut off)');
	}
}

/**
 * The body of an operation that takes no fields (NoInput in the OpenAPI
 * document): none at all, or a JSON object; anything else is refused like
 * any bad body, before the operation does anything.
 */
export async function readNoInput(request: Request): Promise<void> {
	if (!request.body) return;
	const value = await readJson(request);
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new DomainError('invalid', 'Invalid input: send no body or an empty JSON object', { _: 'field.no_body' });
	}
}

/**
 * A flag in the query: absent is undefined, and only the documented `true`
 * and `false` are values (a typo such as `dryRun=1` is refused, not read as false).
 */
export function queryFlag(url: URL, name: string): boolean | undefined {
	if (!url.searchParams.has(name)) return undefined;
	const value = url.searchParams.getAll(name);
	if (value.length === 1 && (value[0] === 'true' || value[0] === 'false')) return value[0] === 'true';
	throw new DomainError('invalid', `Invalid input: ${name}: Send true or false`, { [name]: 'field.true_or_false' });
}

type Handler = (ctx: ApiContext) => Promise<unknown>;

/**
 * A body the handler did not read (refused before reading, or a body where
 * none is expected) is read and dropped, not left to pile up unread.
 */
function settleBody(request: Request) {
	if (request.body && !request.body.locked && !request.bodyUsed) discard(request.body);
}

/** Runs a handler and answers its value as JSON (status 200 or `status`), or its error. */
async function answer(event: RequestEvent, status: number, run: () => Promise<unknown>): Promise<Response> {
	try {
		const result = await run();
		if (result instanceof Response) return result;
		return json(result ?? null, { status });
	} catch (err) {
		return toErrorResponse(err);
	} finally {
		settleBody(event.request);
	}
}

/** Wraps a handler that needs a signed-in actor. Returns its value as JSON (status 200 or `status`). */
export function authed(handler: Handler, status = 200) {
	return (event: RequestEvent): Promise<Response> =>
		answer(event, status, async () => {
			const actor = event.locals.actor;
			if (!actor) throw new DomainError('unauthenticated', 'Sign in first');
			return handler({ app: await app(), actor, event });
		});
}

/** Wraps a handler that is open to anonymous callers. */
export function open(handler: (ctx: Omit<ApiContext, 'actor'> & { actor: Actor | null }) => Promise<unknown>, status = 200) {
	return (event: RequestEvent): Promise<Response> =>
		answer(event, status, async () => handler({ app: await app(), actor: event.locals.actor, event }));
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
	413: 'too_large',
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
