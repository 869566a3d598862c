/** The OpenAPI description of /api/v1/customers/{id}/governance-health; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { GovernanceHealth } from '$lib/server/http/openapi-lifecycle';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'getGovernanceHealth',
		tag: 'customers',
		summary: "Governance health this year: cadence, required roles present, days to approved minutes, actions",
		description: 'An API token needs the scope `governance:read`.',
		success: { status: 200, description: 'Per forum and in total', schema: z.strictObject({ health: GovernanceHealth }) },
		errors: [403]
	}
};
