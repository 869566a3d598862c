/** The OpenAPI description of /api/v1/forums/{id}/duties/{duty}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { DutyInput } from '$lib/server/domain/governance/forums.service';
import { DutyAssignment, one, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	PUT: ok('assignDuty', 'forums', 'Hand a meeting duty to a party and optionally a person', 'The duty after the change', one('duty', DutyAssignment), {
		description:
			'"Ansvar kan omfördelas till kund vid behov": a duty (e.g. the chair) may be handed to the customer. The person must be of the chosen party and of this relation. Recorded in the audit log with before and after.',
		body: { DutyAssignmentInput: DutyInput.omit({ duty: true }) },
		errors: [403]
	})
};
