/**
 * The meeting-lifecycle part of the OpenAPI document: action items and
 * decisions across meetings (projected from the shared documents), and the
 * lifecycle steps of a meeting. openapi.ts merges these into its tables.
 */
import { z } from 'zod';
import { ACTION_STATUSES } from '$lib/realtime/actions-doc';
import type { ApiOperation } from './openapi';

const uuid = () => z.uuid();
const timestamp = () => z.iso.datetime();
const Localized = z.strictObject({ sv: z.string(), en: z.string() });

const ActionItem = z.strictObject({
	id: z.string(),
	forumId: uuid(),
	forumName: Localized,
	customerId: uuid(),
	title: z.string(),
	description: z.string(),
	owner: z.strictObject({ id: uuid(), name: z.string(), side: z.enum(['supplier', 'customer']) }).nullable(),
	dueDate: z.iso.date().nullable(),
	status: z.enum(ACTION_STATUSES),
	overdue: z.boolean().describe('open or in progress after its due date (Stockholm calendar)'),
	raisedMeetingId: uuid().nullable(),
	closedMeetingId: uuid().nullable(),
	escalatedFromId: z.string().nullable(),
	escalatedToId: z.string().nullable(),
	createdAt: z.string(),
	updatedAt: timestamp()
});

const Decision = z.strictObject({
	id: z.string(),
	meetingId: uuid(),
	meetingTitle: z.string(),
	meetingStartsAt: timestamp(),
	forumId: uuid(),
	forumName: Localized,
	customerId: uuid(),
	text: z.string()
});

const ACTION_QUERY = {
	status: {
		schema: z.enum(['open', 'in_progress', 'done', 'cancelled', 'all']),
		description: '`open`: not finished (open or in progress); the others exactly that status; default all'
	},
	side: { schema: z.enum(['supplier', 'customer']), description: "Only actions owned by a person of this side" }
};

export const MEETINGS_OUTPUT_SCHEMAS = { ActionItem, Decision } satisfies Record<string, z.ZodType>;

export const MEETINGS_OPERATIONS: ApiOperation[] = [
	{
		method: 'get',
		path: '/api/v1/forums/{id}/actions',
		operationId: 'listForumActions',
		tag: 'actions',
		summary: "The forum's activity list (aktivitetslista), in list order",
		description: 'Kept in step with the shared document forum.<id>.actions a moment (≈0.3 s) after each edit.',
		query: ACTION_QUERY,
		success: { status: 200, description: 'Action items', schema: z.strictObject({ actions: z.array(ActionItem) }) }
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/actions',
		operationId: 'listCustomerActions',
		tag: 'actions',
		summary: "Action items of all the customer's forums, earliest due first",
		query: ACTION_QUERY,
		success: { status: 200, description: 'Action items', schema: z.strictObject({ actions: z.array(ActionItem) }) }
	},
	{
		method: 'get',
		path: '/api/v1/me/actions',
		operationId: 'myActions',
		tag: 'actions',
		summary: 'Unfinished action items I own, across forums and customers',
		success: { status: 200, description: 'Action items', schema: z.strictObject({ actions: z.array(ActionItem) }) }
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/decisions',
		operationId: 'listCustomerDecisions',
		tag: 'decisions',
		summary: "The customer's decision register (beslutslogg), newest meeting first",
		query: {
			q: { schema: z.string().max(200), description: 'Only decisions whose text contains this' },
			forumId: { schema: uuid(), description: 'Only decisions of this forum' }
		},
		success: { status: 200, description: 'Decisions', schema: z.strictObject({ decisions: z.array(Decision) }) }
	}
];
