import { DomainError } from '$lib/server/domain/errors';
import { login, logout } from '$lib/server/domain/tenancy/auth.service';
import { authed, open, readJson } from '$lib/server/http/api';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '$lib/server/http/session-cookie';

export const POST = open(async ({ app, event }) => {
	const body = await readJson(event.request);
	const result = await login(app.db, { password: app.loginLimiter, code: app.codeLimiter }, body, event.getClientAddress(), event.request.headers.get('user-agent'));
	// two-factor sign-in on and no code sent: the API signs in with the code in the same request
	if (result.twoFactor) throw new DomainError('unauthenticated', { code: 'two_factor.required' });
	setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
	return { person: result.actor, expiresAt: result.expiresAt.toISOString() };
});

export const DELETE = authed(async ({ app, event }) => {
	await logout(app.db, readSessionCookie(event.cookies));
	clearSessionCookie(event.cookies, event.url);
	return new Response(null, { status: 204 });
});
