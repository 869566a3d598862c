/** The OpenAPI description of /api/v1/customers/{id}/decisions; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { Decision } from '$lib/server/http/openapi-meetings';
import { DecisionFilter } from '$lib/server/domain/meetings/actions.service';
import { queryOf, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('listCustomerDecisions', 'decisions', "The customer's decision register (beslutslogg), newest meeting first", 'Decisions', z.strictObject({ decisions: z.array(Decision) }), {
		query: queryOf(DecisionFilter, {
			q: 'Only decisions whose text contains this',
			forumId: 'Only decisions of this forum',
			status: '`decided` (default): minutes approved; `proposed`: written in minutes not approved yet; `all`: both'
		})
	})
};
