/** The OpenAPI description of /api/v1/customers/{id}/reports/meetings; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ok, timestamp, uuid } from '$lib/server/http/openapi-schemas';

const MeetingsReport = z.strictObject({
	report: z.strictObject({
		calendar: z.array(z.looseObject({ level: z.enum(['strategic', 'tactical', 'operational']), meetings: z.array(z.looseObject({ id: uuid() })) })),
		approvedMinutes: z.array(
			z.looseObject({
				id: uuid(),
				approvedAt: timestamp().nullable(),
				material: z
					.array(z.strictObject({ id: uuid(), meetingId: uuid(), fileName: z.string(), version: z.int().positive(), size: z.int().positive() }))
					.describe('the decision material that was before the meeting (current versions; never supplier-internal)')
			})
		),
		openActions: z.strictObject({ customer: z.array(z.looseObject({})), supplier: z.array(z.looseObject({})), unassigned: z.array(z.looseObject({})) }),
		decisions: z.array(z.looseObject({ id: z.string(), text: z.string(), status: z.literal('decided') })).describe('decided decisions only (minutes approved); proposals are not in the portal'),
		health: z.looseObject({ customerId: uuid() })
	})
});

export const openapi: RouteDescription = {
	GET: ok('getPortalMeetingsReport', 'portal', 'Meetings report: calendar by forum level, approved minutes, open actions by side, decision register, governance health', 'The report', MeetingsReport, {
		query: { q: { schema: z.string().max(200), description: 'Only decisions whose text contains this' } },
		errors: [403]
	})
};
