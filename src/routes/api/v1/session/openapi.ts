/** The OpenAPI description of /api/v1/session; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { LoginInput } from '$lib/server/domain/tenancy/auth.service';
import { SESSION_COOKIE } from '$lib/server/domain/tenancy/sessions';
import { Me, timestamp } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	POST: {
		operationId: 'login',
		tag: 'session',
		summary: 'Sign in',
		description: `Sets the session cookie \`${SESSION_COOKIE}\` (HttpOnly, SameSite=Lax; Secure over https). Repeated failures for one account or address are answered 429 for a while.`,
		auth: false,
		body: { LoginInput },
		success: {
			status: 200,
			description: 'Signed in',
			schema: z.strictObject({ person: Me, expiresAt: timestamp() }),
			headers: { 'Set-Cookie': { description: `${SESSION_COOKIE}=…; Path=/; HttpOnly; SameSite=Lax`, schema: { type: 'string' } } }
		},
		errors: [401, 429]
	},
	DELETE: {
		operationId: 'logout',
		tag: 'session',
		summary: 'Sign out',
		description: 'Ends the session on the server and clears the cookie.',
		success: { status: 204, description: 'Signed out' }
	}
};
