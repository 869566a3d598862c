/**
 * A column mapping: which column holds which ticket field, and how values
 * translate. The built-in presets are mappings too; the generic CSV preset
 * takes one the user saved. A field may name several columns: the first that
 * exists in the file is used (exports of different versions differ).
 */
import { z } from 'zod';
import { PRIORITIES, STATUS_CATEGORIES, TICKET_KINDS } from '../ticket.types';

export const MAPPABLE_FIELDS = [
	'number',
	'sourceId',
	'kind',
	'title',
	'status',
	'priority',
	'impact',
	'urgency',
	'category',
	'service',
	'channel',
	'assignmentGroup',
	'openedAt',
	'firstResponseAt',
	'resolvedAt',
	'closedAt',
	'reopenCount',
	/** when the ticket was last reopened (ServiceNow reopened_time) */
	'reopenedAt',
	'reassignmentCount',
	'majorIncident',
	'sourceSlaMet',
	/** the source's open/closed flag (ServiceNow `active`) */
	'active',
	'satisfaction',
	'changeType',
	'changeRisk',
	'cabRequired',
	'plannedStart',
	'plannedEnd',
	'actualStart',
	'actualEnd',
	'changeOutcome',
	'labels',
	'resolution',
	/** event logs: the row's version (ServiceNow sys_mod_count) */
	'version',
	/** event logs: when the row's update happened */
	'eventAt'
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

const columnNames = z.union([z.string().trim().min(1).max(200), z.array(z.string().trim().min(1).max(200)).min(1).max(10)]);

/** Joins the status columns of a `statusJoin` mapping: "Accepted" + "Wait - User" → "Accepted - Wait - User". */
export const STATUS_JOIN = ' - ';

export const ColumnMapping = z.strictObject({
	columns: z.partialRecord(z.enum(MAPPABLE_FIELDS), columnNames).refine((c) => c.number !== undefined, 'Map the ticket number'),
	/** several status columns are joined with STATUS_JOIN (BPI 2013: Status + Sub Status) */
	statusJoin: z.boolean().optional(),
	/** raw value → category; values not listed fall back to the built-in word rules */
	statusValues: z.record(z.string(), z.enum(STATUS_CATEGORIES)).optional(),
	/** raw value → priority 1–5 (null: no priority); values not listed must be digits or Jira words */
	priorityValues: z.record(z.string(), z.union([z.literal(PRIORITIES[0]), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.null()])).optional(),
	kindValues: z.record(z.string(), z.enum(TICKET_KINDS)).optional(),
	/** the kind of every row, when the file has no kind column */
	kind: z.enum(TICKET_KINDS).optional(),
	/** cell texts meaning "no value" besides the empty cell */
	missing: z.array(z.string().max(20)).max(20).optional()
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const fieldColumns = (m: ColumnMapping, f: MappableField): string[] => {
	const v = m.columns[f];
	return v === undefined ? [] : Array.isArray(v) ? v : [v];
};
