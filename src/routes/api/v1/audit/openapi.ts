/** The OpenAPI description of /api/v1/audit; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { AUDIT_KINDS } from '$lib/server/domain/audit/audit-events';
import { AuditEntry, list, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('listAudit', 'audit', 'The audit log, newest first (at most 200 entries)', 'Entries', list('entries', AuditEntry), {
		description:
			"With customerId: that customer's relation (supplier admin: every entry; that customer's admin: only the customer's own changes, never supplier-internal ones). Without: the whole installation (supplier admin).",
		query: {
			customerId: { schema: z.uuid(), description: 'Only entries about this customer' },
			kind: { schema: z.enum(AUDIT_KINDS), description: 'Only events of this kind' },
			from: { schema: z.iso.date(), description: 'From this day (Stockholm time), inclusive' },
			to: { schema: z.iso.date(), description: 'Up to this day (Stockholm time), inclusive' }
		},
		errors: [403, 404]
	})
};
