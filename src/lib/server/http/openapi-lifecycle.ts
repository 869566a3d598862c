/**
 * Calendar files, attendance, exports of approved minutes and governance
 * health in the OpenAPI document. openapi.ts merges these into its tables;
 * the same drift and contract tests cover them. Files (ics, PDF, HTML,
 * Markdown) have no JSON body: their content type is in the description.
 */
import { z } from 'zod';
import { DUTIES } from '../domain/governance/catalogue.types';
import { ATTENDANCE_STATUSES, AttendanceInput } from '../domain/meetings/attendance.service';
import { EXPORT_FORMATS } from '../domain/exports/minutes-export.service';
import type { ApiOperation } from './openapi';

const uuid = () => z.uuid();
const timestamp = () => z.iso.datetime();
const Localized = z.strictObject({ sv: z.string(), en: z.string() });
const Party = z.enum(['supplier', 'customer']);
const ratio = () => z.number().min(0).max(1).nullable();

const Attendee = z.strictObject({
	personId: uuid(),
	name: z.string(),
	side: Party,
	role: Localized.nullable().describe('the role the person holds in the forum'),
	duties: z.array(z.enum(DUTIES as [string, ...string[]])).describe('duties held by name in this meeting'),
	status: z.enum(ATTENDANCE_STATUSES).nullable().describe('null: not recorded yet'),
	updatedAt: timestamp().nullable(),
	updatedByName: z.string().nullable()
});

const Attendance = z.strictObject({
	meetingId: uuid(),
	canMark: z.boolean().describe('the caller may mark attendance (chair, minute-taker, supplier staff) and the minutes are not approved'),
	locked: z.boolean().describe('approved minutes freeze attendance'),
	attendees: z.array(Attendee).describe("the forum's members at the time of the meeting, and anyone marked"),
	counts: z.strictObject({ attended: z.int(), absent: z.int(), excused: z.int(), unmarked: z.int() })
});

const RoleCoverage = z.strictObject({
	required: z.int(),
	rate: ratio().describe('covered (role, meeting) pairs of all pairs, over meetings with recorded attendance'),
	missed: z.array(z.strictObject({ roleKey: z.string(), name: Localized, meetings: z.int() }))
});

const ForumHealth = z.strictObject({
	forumId: uuid(),
	name: Localized,
	level: z.enum(['strategic', 'tactical', 'operational']),
	cadence: z.strictObject({
		year: z.int(),
		held: z.int(),
		planned: z.int(),
		minPerYear: z.int().nullable(),
		maxPerYear: z.int().nullable(),
		state: z.enum(['on_track', 'behind', 'over', 'as_needed'])
	}),
	attendance: z.strictObject({ meetingsRecorded: z.int(), supplier: RoleCoverage, customer: RoleCoverage }),
	approval: z.strictObject({
		approved: z.int(),
		medianDays: z.number().nullable().describe('days from the meeting end to approved minutes'),
		latestDays: z.number().nullable(),
		awaiting: z.int().describe('meetings held this year whose minutes are not approved')
	}),
	actions: z.strictObject({ total: z.int(), done: z.int(), open: z.int(), closureRate: ratio(), overdue: z.int() })
});

const GovernanceHealth = z.strictObject({
	customerId: uuid(),
	year: z.int(),
	forums: z.array(ForumHealth),
	totals: z.strictObject({
		meetingsHeld: z.int(),
		forumsBehind: z.int(),
		attendanceRate: ratio(),
		medianApprovalDays: z.number().nullable(),
		awaitingApproval: z.int(),
		actions: z.int(),
		closureRate: ratio(),
		overdue: z.int()
	})
});

export const LIFECYCLE_OUTPUT_SCHEMAS = { Attendance, Attendee, ForumHealth, GovernanceHealth } satisfies Record<string, z.ZodType>;

export const LIFECYCLE_INPUT_SCHEMAS = { AttendanceInput } satisfies Record<string, z.ZodType>;

const lang = { schema: z.enum(['sv', 'en']), description: "Language of the file; default the caller's language (Swedish)" };

export const LIFECYCLE_OPERATIONS: ApiOperation[] = [
	{
		method: 'get',
		path: '/api/v1/meetings/{id}/invite.ics',
		operationId: 'getMeetingInvitation',
		tag: 'meetings',
		summary: 'The meeting as an iCalendar file (text/calendar)',
		description:
			'One VEVENT with a stable UID (`<meeting id>@<host>`), DTSTART/DTEND in Europe/Stockholm with its VTIMEZONE, the agenda in the description and a SEQUENCE that grows whenever the meeting changes. METHOD:PUBLISH.',
		success: { status: 200, description: 'text/calendar; charset=utf-8' }
	},
	{
		method: 'get',
		path: '/api/v1/meetings/{id}/attendance',
		operationId: 'getAttendance',
		tag: 'meetings',
		summary: 'Who was invited and who attended, by side',
		success: { status: 200, description: 'Attendance', schema: z.strictObject({ attendance: Attendance }) }
	},
	{
		method: 'put',
		path: '/api/v1/meetings/{id}/attendance',
		operationId: 'markAttendance',
		tag: 'meetings',
		summary: 'Mark attendance (chair, minute-taker or supplier staff)',
		description: 'Each entry sets one invitee to attended, absent or excused (null clears it). Only invitees can be marked; approved minutes freeze attendance (409).',
		body: 'AttendanceInput',
		success: { status: 200, description: 'Attendance after the change', schema: z.strictObject({ attendance: Attendance }) },
		errors: [403, 409]
	},
	{
		method: 'get',
		path: '/api/v1/meetings/{id}/minutes',
		operationId: 'exportMinutes',
		tag: 'meetings',
		summary: 'The approved minutes as PDF, HTML or Markdown',
		description:
			'Renders what approval froze, with any later addenda. `application/pdf` (PDF/A-2b, fonts embedded), `text/html` (standalone, no scripts) or `text/markdown`. 409 while the minutes are not approved.',
		query: { format: { schema: z.enum(EXPORT_FORMATS).default('pdf'), description: 'pdf (default), html or md' }, lang },
		success: { status: 200, description: 'application/pdf, text/html or text/markdown' },
		errors: [409]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/governance-health',
		operationId: 'getGovernanceHealth',
		tag: 'customers',
		summary: "Governance health this year: cadence, required roles present, days to approved minutes, actions",
		description: 'An API token needs the scope `governance:read`.',
		success: { status: 200, description: 'Per forum and in total', schema: z.strictObject({ health: GovernanceHealth }) },
		errors: [403]
	}
];
