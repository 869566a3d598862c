/** The OpenAPI description of /api/v1/customers/{id}/identity-provider/test; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { ProviderTestSchema } from '$lib/server/http/openapi-identity';
import { NoInput } from '$lib/server/http/openapi-meetings';
import { ok } from '$lib/server/http/openapi-schemas';
import { z } from 'zod';

export const openapi: RouteDescription = {
	POST: ok('testIdentityProvider', 'customers', "Run discovery against the customer's identity provider now", 'Whether it answered, or what failed', z.strictObject({ test: ProviderTestSchema }), {
		description: "The customer's admin or a supplier admin. 404 when none is set up.",
		body: { NoInput },
		errors: [403]
	})
};
