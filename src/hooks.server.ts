import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getTextDirection } from '$lib/paraglide/runtime';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { app } from '$lib/server/app';
import { config } from '$lib/server/config';
import { inRequestScope } from '$lib/server/db/request-scope';
import { actorFromToken } from '$lib/server/domain/itsm/tokens/api-tokens.service';
import { accessChangesRelayed } from '$lib/server/domain/tenancy/access-events';
import { lookupSession } from '$lib/server/domain/tenancy/sessions';
import { mustEnrol } from '$lib/server/domain/tenancy/totp';
import { errorResponse } from '$lib/server/http/errors';
import { handleApiErrors } from '$lib/server/http/api';
import { SECURITY_HEADERS } from '$lib/server/http/security-headers';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '$lib/server/http/session-cookie';

/** Opens the database, migrates it and registers the App for the custom server. */
export const init: ServerInit = async () => {
	await app();
};

/**
 * The locale comes from the cookie (no URL strategy), so paraglide gets a copy
 * of the request without its body and the route keeps the original: paraglide
 * clones what it is given, and the clone's unread twin would hold every byte
 * of an upload in memory a second time.
 */
const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(new Request(event.request.url, { headers: event.request.headers }), ({ locale }) =>
		resolve(event, {
			transformPageChunk: ({ html }) =>
				html.replace('%paraglide.lang%', locale).replace('%paraglide.dir%', getTextDirection(locale))
		})
	);

/** What a supplier admin who must enrol may still reach: the enrolment page, signing out, the session API. */
const ENROL_PATHS = /^\/(settings\/security|logout|login)(\/|$)|^\/api\/v1\/session$/;

/** Builds the Actor from the session cookie; routes decide what needs one. */
const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.actor = null;
	let refusal: Response | null = null;
	const token = readSessionCookie(event.cookies);
	if (token) {
		const { db, signIn } = await app();
		const session = await lookupSession(db, token);
		if (session) {
			event.locals.actor = session.actor;
			setSessionCookie(event.cookies, event.url, token, session.expiresAt);
			// a supplier admin without a second factor (when the installation requires one) enrols before anything else
			if (mustEnrol(session.actor.access, session.twoFactor, signIn.requireTwoFactorForSupplierAdmins) && !ENROL_PATHS.test(event.url.pathname)) {
				if (event.url.pathname.startsWith('/api/')) refusal = errorResponse(403, 'forbidden', 'Turn on two-factor sign-in first (/settings/security)', undefined, { messageCode: { code: 'two_factor.enrolment_required' }, fieldCodes: {} });
				else redirect(303, '/settings/security');
			}
		} else {
			clearSessionCookie(event.cookies, event.url);
		}
	}
	// API tokens (integrations) authenticate /api/v1 only; the policy limits them to their scopes
	const bearer = /^Bearer (\S+)$/.exec(event.request.headers.get('authorization') ?? '');
	if (!event.locals.actor && bearer && event.url.pathname.startsWith('/api/')) {
		event.locals.actor = await actorFromToken((await app()).db, bearer[1]);
	}
	const response = refusal ?? (await resolve(event));
	// an access change this request made reaches the other instances before its answer (access-events.ts)
	await accessChangesRelayed();
	// pages bring their Content-Security-Policy (kit.csp), the HTML export its own; everything else gets the strict one
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
};

/**
 * Each request in its database scope (db/request-scope.ts): a GET or HEAD
 * sends each distinct read to the database once; QUERY_LOG=<file> logs every
 * request's SQL.
 */
const handleRequestScope: Handle = ({ event, resolve }) => {
	const method = event.request.method;
	const scope = { shareReads: method === 'GET' || method === 'HEAD', logFile: config().QUERY_LOG, method, path: event.url.pathname + event.url.search };
	return inRequestScope(scope, async () => resolve(event));
};

export const handle: Handle = sequence(handleRequestScope, handleSession, handleApiErrors, handleLocale);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status >= 500) console.error(error);
	return { message: status >= 500 ? 'Internal error' : 'Error' };
};
