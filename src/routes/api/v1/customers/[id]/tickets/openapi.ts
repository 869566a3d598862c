/** The OpenAPI description of /api/v1/customers/{id}/tickets; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { IngestInput, TicketInput } from '$lib/server/domain/itsm/import/ingest.service';
import { TicketListQuery } from '$lib/server/domain/itsm/tickets.service';
import { FROM_TO, ImportReport, Ticket } from '$lib/server/http/openapi-itsm';
import { one, queryOf } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'listTickets',
		tag: 'itsm',
		summary: "The customer's tickets, newest first, with their SLA state",
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
		success: {
			status: 200,
			description: 'A page of tickets',
			schema: z.strictObject({ tickets: z.array(Ticket), total: z.int(), limit: z.int(), offset: z.int() })
		},
		errors: [403]
	},
	POST: {
		operationId: 'ingestTickets',
		tag: 'itsm',
		summary: 'Ingest tickets as JSON (integrations)',
		description:
			'Upsert by (source, number): sending the same tickets again changes nothing. One transaction: when any item is invalid, nothing is stored and the report lists every bad item (row = its 1-based position). Authenticate with `Authorization: Bearer <token>` (scope tickets:write) or as supplier staff.',
		body: { TicketIngestInput: IngestInput.extend({ tickets: z.array(TicketInput).min(1).max(5000) }) },
		success: { status: 200, description: 'The report (status rejected: nothing changed)', schema: one('report', ImportReport) },
		errors: [403]
	}
};
