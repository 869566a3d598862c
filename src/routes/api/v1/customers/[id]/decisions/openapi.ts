/** The OpenAPI description of /api/v1/customers/{id}/decisions; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { Decision } from '$lib/server/http/openapi-meetings';
import { uuid } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'listCustomerDecisions',
		tag: 'decisions',
		summary: "The customer's decision register (beslutslogg), newest meeting first",
		query: {
			q: { schema: z.string().max(200), description: 'Only decisions whose text contains this' },
			forumId: { schema: uuid(), description: 'Only decisions of this forum' },
			status: {
				schema: z.enum(['decided', 'proposed', 'all']),
				description: '`decided` (default): minutes approved; `proposed`: written in minutes not approved yet; `all`: both'
			}
		},
		success: { status: 200, description: 'Decisions', schema: z.strictObject({ decisions: z.array(Decision) }) }
	}
};
