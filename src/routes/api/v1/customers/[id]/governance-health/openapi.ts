/** The OpenAPI description of /api/v1/customers/{id}/governance-health; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ok } from '$lib/server/http/openapi-schemas';
import { GovernanceHealth } from '$lib/server/http/openapi-lifecycle';

export const openapi: RouteDescription = {
	GET: ok('getGovernanceHealth', 'customers', "Governance health this year: cadence, required roles present, days to approved minutes, actions", 'Per forum and in total', z.strictObject({ health: GovernanceHealth }), {
		description: 'An API token needs the scope `governance:read`.',
		errors: [403]
	})
};
