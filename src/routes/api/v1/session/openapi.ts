/** The OpenAPI description of /api/v1/session; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { LoginInput } from '$lib/server/domain/tenancy/auth.service';
import { SESSION_COOKIE } from '$lib/server/domain/tenancy/sessions';
import { Me, timestamp, noContent, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	POST: ok('login', 'session', 'Sign in', 'Signed in', z.strictObject({ person: Me, expiresAt: timestamp() }), {
		description: `Sets the session cookie \`${SESSION_COOKIE}\` (HttpOnly, SameSite=Lax; Secure over https). Repeated failures for one account or address are answered 429 for a while. A person with two-factor sign-in on sends \`code\` too (from their authenticator app, or a recovery code); without it the answer is 401 with messageCode \`two_factor.required\`, with a wrong one 401 \`two_factor.wrong_code\`. A person of a customer that signs in only through its own identity provider gets 403 (code login.use_provider) once the password is right: they sign in at /login/oidc/start?email=….`,
		auth: false,
		body: { LoginInput },
		errors: [401, 403, 429],
		headers: { 'Set-Cookie': { description: `${SESSION_COOKIE}=…; Path=/; HttpOnly; SameSite=Lax`, schema: { type: 'string' } } }
	}),
	DELETE: noContent('logout', 'session', 'Sign out', 'Signed out', { description: 'Ends the session on the server and clears the cookie.' })
};
