/** The OpenAPI description of /api/v1/forums/{id}/duties/{duty}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { DutyInput } from '$lib/server/domain/governance/forums.service';
import { DutyAssignment, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	PUT: {
		operationId: 'assignDuty',
		tag: 'forums',
		summary: 'Hand a meeting duty to a party and optionally a person',
		description:
			'"Ansvar kan omfördelas till kund vid behov": a duty (e.g. the chair) may be handed to the customer. The person must be of the chosen party and of this relation. Recorded in the audit log with before and after.',
		body: { DutyAssignmentInput: DutyInput.omit({ duty: true }) },
		success: { status: 200, description: 'The duty after the change', schema: one('duty', DutyAssignment) },
		errors: [403]
	}
};
