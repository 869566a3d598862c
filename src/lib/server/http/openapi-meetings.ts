/**
 * Response schemas of the meeting-lifecycle part of the OpenAPI document:
 * action items and decisions across meetings (projected from the shared
 * documents), and the lifecycle steps of a meeting (`step`, shared by the
 * step routes' descriptions). The operations are described next to their
 * routes (an openapi.ts beside each src/routes/api/v1 route); openapi.ts assembles the document.
 */
import { z } from 'zod';
import { MeetingStatus, queryOf, timestamp, uuid } from './openapi-schemas';
import { ActionFilter } from '../domain/meetings/actions.service';
import { ACTION_STATUSES } from '$lib/realtime/actions-doc';
import { PARTIES } from '$lib/domain-types';
import { DECISION_STATUSES } from '../domain/meetings/decision-status';
import type { OperationDescription } from './openapi';

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

export const ActionItem = z.strictObject({
	id: z.string(),
	forumId: uuid(),
	forumName: Localized,
	customerId: uuid(),
	title: z.string(),
	description: z.string(),
	owner: z.strictObject({ id: uuid(), name: z.string(), side: z.enum(PARTIES) }).nullable(),
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

export const Decision = z.strictObject({
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

export const ACTION_QUERY = queryOf(ActionFilter, {
	status: '`open`: not finished (open or in progress); the others exactly that status; default all',
	side: 'Only actions owned by a person of this side'
});

const AgendaChanges = z.strictObject({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()), moved: z.boolean() });

export const Lifecycle = z.strictObject({
	status: MeetingStatus,
	nextStep: z
		.enum(['publish_agenda', 'start', 'end', 'name_adjuster', 'approve', 'chair_approves', 'adjuster_approves', 'confirm_next_meeting', 'done', 'cancelled'])
		.describe('what happens next'),
	steps: z.strictObject({
		agendaPublishedAt: timestamp().nullable(),
		startedAt: timestamp().nullable(),
		endedAt: timestamp().nullable(),
		approvedAt: timestamp().nullable(),
		confirmedAt: timestamp().nullable()
	}),
	cancellation: z.strictObject({ at: timestamp(), reason: z.string().nullable() }).nullable().describe('when the meeting was cancelled (inställt), and why'),
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
		cancel: z.boolean(),
		run: z.boolean(),
		approve: z.boolean(),
		addendum: z.boolean(),
		setAdjuster: z.boolean(),
		export: z.boolean()
	})
});
export const withLifecycle = z.strictObject({ lifecycle: Lifecycle });

export const MEETINGS_OUTPUT_SCHEMAS = { ActionItem, Decision, Lifecycle } satisfies Record<string, z.ZodType>;
/** A command without fields (send `{}` or nothing). */
export const NoInput = z.object({}).describe('no fields');

/** A lifecycle step of a meeting: POST /meetings/{id}/<step> without fields, answered with where the meeting stands. */
export const step = (operationId: string, summary: string, description?: string): OperationDescription => ({
	operationId,
	tag: 'lifecycle',
	summary,
	...(description ? { description } : {}),
	body: { NoInput },
	success: { status: 200, description: 'Where the meeting stands now', schema: withLifecycle },
	errors: [403, 409]
});
