/** The OpenAPI description of /api/v1/customers/{id}/tickets; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { IngestInput, TicketInput } from '$lib/server/domain/itsm/import/ingest.service';
import { TicketListQuery } from '$lib/server/domain/itsm/tickets.service';
import { FROM_TO, ImportReport, Ticket } from '$lib/server/http/openapi-itsm';
import { one, queryOf, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('listTickets', 'itsm', "The customer's tickets, newest first, with their SLA state", 'A page of tickets', z.strictObject({ tickets: z.array(Ticket), total: z.int(), limit: z.int(), offset: z.int() }), {
		description:
			"from/to filter on the opening time. A customer member needs the case-handling report granted by the customer's admin (403 without it). Also for API tokens with scope tickets:read.",
		query: queryOf(TicketListQuery, {
			kind: 'Only this kind',
			priority: 'Only this priority',
			status: 'Only this status category',
			...FROM_TO,
			limit: 'Page size (default 100)',
			offset: 'Tickets to skip'
		}),
		errors: [403]
	}),
	POST: ok('ingestTickets', 'itsm', 'Ingest tickets as JSON (integrations)', 'The report (status rejected: nothing changed)', one('report', ImportReport), {
		description:
			'Upsert by (source, number): sending the same tickets again changes nothing. One transaction: when any item is invalid, nothing is stored and the report lists every bad item (row = its 1-based position). Authenticate with `Authorization: Bearer <token>` (scope tickets:write) or as supplier staff.',
		body: { TicketIngestInput: IngestInput.extend({ tickets: z.array(TicketInput).min(1).max(5000) }) },
		errors: [403]
	})
};
