/** The OpenAPI description of /api/v1/outbox; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ok, OutboxMail, timestamp } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('listOutbox', 'notifications', 'The notification mails (Utkorg), newest first, 50 at a time', 'Mails', z.strictObject({ mails: z.array(OutboxMail), next: timestamp().nullable().describe('pass as `before` for the next page') }), {
		description: "With customerId: the mails about that customer (its admin or a supplier admin). Without: every mail of the installation (supplier admin).",
		query: {
			customerId: { schema: z.uuid(), description: 'Only mails about this customer' },
			status: { schema: z.enum(['pending', 'digest', 'sent', 'kept', 'dead']), description: 'Only mails in this state' },
			before: { schema: z.iso.datetime(), description: 'Only mails queued before this instant (the next page)' }
		},
		errors: [400, 403, 404]
	})
};
