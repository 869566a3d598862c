/**
 * The meeting-lifecycle part of the OpenAPI document: action items and
 * decisions across meetings (projected from the shared documents), and the
 * lifecycle steps of a meeting. openapi.ts merges these into its tables.
 */
import { z } from 'zod';
import { ACTION_STATUSES } from '$lib/realtime/actions-doc';
import { DECISION_STATUSES } from '../domain/meetings/decision-status';
import { AddendumInput, AdjusterInput, StartInput } from '../domain/meetings/lifecycle.service';
import type { ApiOperation } from './openapi';

const uuid = () => z.uuid();
const timestamp = () => z.iso.datetime();
const Localized = z.strictObject({ sv: z.string(), en: z.string() });

const EscalationEnd = z
	.strictObject({
		forumId: uuid(),
		forumName: Localized,
		meetingId: uuid().nullable(),
		meetingTitle: z.string().nullable(),
		meetingStartsAt: timestamp().nullable(),
		actionId: z.string(),
		actionTitle: z.string()
	})
	.describe('the other end of an escalation: its forum, meeting (where that action was raised or is taken up) and action');

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
	escalatedFrom: EscalationEnd.nullable().describe('the lower forum’s action this one escalates'),
	escalatedTo: EscalationEnd.nullable().describe('the higher forum’s action this one was escalated to'),
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
	text: z.string(),
	status: z.enum(DECISION_STATUSES).describe('`proposed` (förslag till beslut) until the minutes that hold it are approved (justerat), then `decided`')
});

const ACTION_QUERY = {
	status: {
		schema: z.enum(['open', 'in_progress', 'done', 'cancelled', 'all']),
		description: '`open`: not finished (open or in progress); the others exactly that status; default all'
	},
	side: { schema: z.enum(['supplier', 'customer']), description: "Only actions owned by a person of this side" }
};

const MeetingStatus = z.enum(['planned', 'agenda_published', 'in_progress', 'minutes_draft', 'minutes_approved', 'confirmed']);
const AgendaChanges = z.strictObject({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()), moved: z.boolean() });

const Lifecycle = z.strictObject({
	status: MeetingStatus,
	nextStep: z
		.enum(['publish_agenda', 'start', 'end', 'name_adjuster', 'approve', 'chair_approves', 'adjuster_approves', 'confirm_next_meeting', 'done'])
		.describe('what happens next'),
	steps: z.strictObject({
		agendaPublishedAt: timestamp().nullable(),
		startedAt: timestamp().nullable(),
		endedAt: timestamp().nullable(),
		approvedAt: timestamp().nullable(),
		confirmedAt: timestamp().nullable()
	}),
	adjuster: z.strictObject({ personId: uuid(), name: z.string() }).nullable(),
	approvals: z.array(z.strictObject({ role: z.enum(['chair', 'adjuster']), personId: uuid(), name: z.string(), at: timestamp() })),
	addenda: z.array(z.strictObject({ id: uuid(), text: z.string(), by: z.string().nullable(), at: timestamp() })),
	agendaChanges: AgendaChanges.nullable().describe('changes since the agenda was published; null if never published'),
	agendaChangedSincePublished: z.boolean(),
	previous: z
		.strictObject({ id: uuid(), title: z.string(), startsAt: timestamp(), status: MeetingStatus, approvedAt: timestamp().nullable() })
		.nullable()
		.describe("the forum's meeting before this one"),
	may: z.strictObject({
		publish: z.boolean(),
		run: z.boolean(),
		approve: z.boolean(),
		addendum: z.boolean(),
		setAdjuster: z.boolean(),
		export: z.boolean()
	})
});
const withLifecycle = z.strictObject({ lifecycle: Lifecycle });

export const MEETINGS_OUTPUT_SCHEMAS = { ActionItem, Decision, Lifecycle } satisfies Record<string, z.ZodType>;
/** A command without fields (send `{}` or nothing). */
const NoInput = z.object({}).describe('no fields');

export const MEETINGS_INPUT_SCHEMAS = { AdjusterInput, AddendumInput, NoInput, StartInput } satisfies Record<string, z.ZodType>;

const step = (path: string, operationId: string, summary: string, description?: string): ApiOperation => ({
	method: 'post',
	path: `/api/v1/meetings/{id}/${path}`,
	operationId,
	tag: 'lifecycle',
	summary,
	description,
	body: 'NoInput',
	success: { status: 200, description: 'Where the meeting stands now', schema: withLifecycle },
	errors: [403, 409]
});

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
			forumId: { schema: uuid(), description: 'Only decisions of this forum' },
			status: {
				schema: z.enum(['decided', 'proposed', 'all']),
				description: '`decided` (default): minutes approved; `proposed`: written in minutes not approved yet; `all`: both'
			}
		},
		success: { status: 200, description: 'Decisions', schema: z.strictObject({ decisions: z.array(Decision) }) }
	},
	{
		method: 'post',
		path: '/api/v1/forums/{id}/actions/{actionId}/escalate',
		operationId: 'escalateAction',
		tag: 'actions',
		summary: 'Escalates an action to the next forum up (operational → tactical → strategic)',
		body: 'NoInput',
		description: "Copied with its history into the higher forum's activity list and onto its next meeting's agenda.",
		success: {
			status: 201,
			description: 'The new action in the higher forum',
			schema: z.strictObject({ escalated: z.strictObject({ forumId: uuid(), actionId: uuid() }) })
		},
		errors: [403, 409]
	},
	{
		method: 'get',
		path: '/api/v1/meetings/{id}/lifecycle',
		operationId: 'getMeetingLifecycle',
		tag: 'lifecycle',
		summary: 'Where the meeting stands: steps with who and when, approvals, addenda, what the viewer may do',
		success: { status: 200, description: 'The lifecycle', schema: withLifecycle }
	},
	step('publish', 'publishAgenda', 'Publishes the agenda (kept as a snapshot) and the invitation', 'By the convener or the chair, or supplier staff; again until the meeting starts.'),
	{
		...step('start', 'startMeeting', 'Starts the meeting (the chair)', 'More than an hour before its time only with `confirmEarly: true`; without it the answer is 409 with `fields.startsAt` and `fields.earlyMinutes`.'),
		body: 'StartInput'
	},
	step('end', 'endMeeting', 'Ends the meeting (the chair); the minutes become a draft to approve'),
	{
		method: 'put',
		path: '/api/v1/meetings/{id}/adjuster',
		operationId: 'setAdjuster',
		tag: 'lifecycle',
		summary: 'Names the adjuster (justerare), a person of the customer',
		body: 'AdjusterInput',
		success: { status: 200, description: 'Where the meeting stands now', schema: withLifecycle },
		errors: [403, 409]
	},
	{
		...step('approve', 'approveMinutes', 'Approves (justerar) the minutes as chair or adjuster', 'The second approval locks the minutes and agenda for everyone and freezes the approved version.'),
		success: {
			status: 200,
			description: 'The approval and where the meeting stands now',
			schema: z.strictObject({ approved: z.boolean(), role: z.enum(['chair', 'adjuster']), lifecycle: Lifecycle })
		}
	},
	{
		method: 'post',
		path: '/api/v1/meetings/{id}/addenda',
		operationId: 'addAddendum',
		tag: 'lifecycle',
		summary: 'Adds a dated addendum to approved minutes (the minute-taker)',
		body: 'AddendumInput',
		success: { status: 201, description: 'Where the meeting stands now', schema: withLifecycle },
		errors: [403, 409]
	},
	step('confirm-previous', 'confirmPreviousMinutes', "Confirms the previous meeting's approved minutes (the chair, at the previous-minutes item)")
];
