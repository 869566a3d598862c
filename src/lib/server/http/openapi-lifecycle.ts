/**
 * Response schemas of attendance and governance health in the OpenAPI
 * document. The operations (also the calendar file and the minutes export,
 * whose files have no JSON body: their content type is in the description)
 * are described next to their routes (an openapi.ts beside each src/routes/api/v1 route);
 * openapi.ts assembles the document.
 */
import { z } from 'zod';
import { timestamp, uuid } from './openapi-schemas';
import { DUTIES, PARTIES } from '$lib/domain-types';
import { ATTENDANCE_STATUSES } from '../domain/meetings/attendance.service';

const Localized = z.strictObject({ sv: z.string(), en: z.string() });
const Party = z.enum(PARTIES);
const ratio = () => z.number().min(0).max(1).nullable();

const Attendee = z.strictObject({
	personId: uuid(),
	name: z.string(),
	side: Party,
	role: Localized.nullable().describe('the role the person holds in the forum'),
	duties: z.array(z.enum(DUTIES)).describe('duties held by name in this meeting'),
	status: z.enum(ATTENDANCE_STATUSES).nullable().describe('null: not recorded yet'),
	updatedAt: timestamp().nullable(),
	updatedByName: z.string().nullable()
});

export const Attendance = z.strictObject({
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

export const GovernanceHealth = z.strictObject({
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

export const MaterialVersion = z.strictObject({
	version: z.int().positive(),
	fileName: z.string().describe('sanitised: no path separators or control characters, at most 150 characters, extension kept'),
	contentType: z.string().describe("the kind's content type, decided by the server from the extension and the file's bytes"),
	size: z.int().positive(),
	sha256: z.string().regex(/^[0-9a-f]{64}$/),
	uploadedBy: z.strictObject({ personId: uuid(), name: z.string() }).nullable(),
	uploadedAt: timestamp()
});

export const Material = z.strictObject({
	id: uuid(),
	meetingId: uuid(),
	agendaItemId: z.string().nullable().describe("the agenda item's id in the agenda document; null: the whole meeting"),
	agendaItemTitle: z.string().nullable(),
	internal: z.boolean().describe('supplier-internal: listed for supplier staff only'),
	current: MaterialVersion,
	versions: z.array(MaterialVersion).describe('newest first; the first is current')
});

export const MaterialTiming = z.strictObject({
	leadDays: z.int().nonnegative().nullable().describe("the forum's rule: material out this many days before the meeting"),
	deadline: timestamp().nullable(),
	state: z.enum(['none', 'in_time', 'late', 'no_rule']),
	daysLate: z.int().nonnegative(),
	overdue: z.boolean().describe('no material yet and the deadline has passed')
});

export const MaterialList = z.strictObject({
	material: z.array(Material),
	timing: MaterialTiming,
	may: z.strictObject({ upload: z.boolean(), internal: z.boolean().describe('may mark material supplier-internal') }),
	locked: z.boolean().describe('the minutes are approved: the material no longer changes'),
	maxBytes: z.int().positive().describe('largest file (MATERIAL_MAX_BYTES)'),
	extensions: z.array(z.string()).describe('accepted file name extensions'),
	agendaItems: z.array(z.strictObject({ id: z.string(), title: z.string() })).describe("the meeting's agenda items, which material can belong to")
});

export const LIFECYCLE_OUTPUT_SCHEMAS = { Attendance, Attendee, ForumHealth, GovernanceHealth, Material, MaterialVersion, MaterialTiming, MaterialList } satisfies Record<string, z.ZodType>;
