/**
 * The built-in import presets. Each is a column mapping plus the value rules
 * of its source system; `generic` uses the mapping the user saved.
 */
import type { Priority, StatusCategory, TicketKind } from '../ticket.types';
import type { DateOrder } from './dates';
import type { ColumnMapping } from './column-mapping';
import { kindFromNumber, kindFromWord, numericPriority, SERVICENOW_STATES, statusCategory, wordPriority } from './normalize';

export const PRESET_KEYS = ['servicenow-display', 'servicenow-raw', 'jira', 'generic'] as const;
export type PresetKey = (typeof PRESET_KEYS)[number];

export interface Preset {
	key: PresetKey;
	/** tickets are keyed by (source, number) */
	source: string;
	zone: string;
	order: DateOrder;
	mapping: ColumnMapping;
	/** fields whose column must exist (any of the alternatives) */
	required: ('number' | 'status' | 'openedAt')[];
	/** raw status → [label kept as raw status, category]; undefined: unknown status */
	status(raw: string): [string, StatusCategory] | undefined;
	/** raw priority → 1..5; undefined: unknown priority */
	priority(raw: string): Priority | undefined;
	/** the kind from its column (if mapped) or the number */
	kind(raw: string | null, number: string): TicketKind | undefined;
}

const SN_COMMON: ColumnMapping['columns'] = {
	number: 'number',
	sourceId: 'sys_id',
	title: 'short_description',
	status: ['incident_state', 'state'],
	priority: 'priority',
	impact: 'impact',
	urgency: 'urgency',
	category: 'category',
	service: ['business_service', 'cmdb_ci'],
	channel: 'contact_type',
	assignmentGroup: 'assignment_group',
	openedAt: 'opened_at',
	resolvedAt: 'resolved_at',
	closedAt: 'closed_at',
	reopenCount: 'reopen_count',
	reopenedAt: 'reopened_time',
	active: 'active',
	reassignmentCount: 'reassignment_count',
	sourceSlaMet: 'made_sla',
	majorIncident: 'major_incident_state',
	changeType: 'type',
	changeRisk: 'risk',
	cabRequired: 'cab_required',
	plannedStart: 'start_date',
	plannedEnd: 'end_date',
	actualStart: 'work_start',
	actualEnd: 'work_end',
	changeOutcome: 'close_code',
	version: 'sys_mod_count',
	eventAt: ['sys_updated_at', 'sys_updated_on']
};

const snKind = (raw: string | null, number: string) => kindFromNumber(number);

export const PRESETS: Record<Exclude<PresetKey, 'generic'>, Preset> = {
	/**
	 * ServiceNow list exports with display values ("3 - Moderate", "Closed"),
	 * also event-log exports with one row per update (the UCI log): "?" is
	 * a missing value there, and "-100" a state of its own (kept, in progress).
	 */
	'servicenow-display': {
		key: 'servicenow-display',
		source: 'servicenow',
		zone: 'Europe/Stockholm',
		order: 'dmy',
		mapping: { columns: SN_COMMON, missing: ['?', 'NULL'] },
		required: ['number', 'status', 'openedAt'],
		status: (raw) => (/^\d+$/.test(raw) ? undefined : [raw, statusCategory(raw)]),
		priority: numericPriority,
		kind: snKind
	},
	/** ServiceNow Table API / raw exports: numeric states and priorities, sys_id references, UTC. */
	'servicenow-raw': {
		key: 'servicenow-raw',
		source: 'servicenow',
		zone: 'UTC',
		order: 'ymd',
		mapping: { columns: SN_COMMON, missing: ['NULL'] },
		required: ['number', 'status', 'openedAt'],
		status: (raw) => SERVICENOW_STATES[raw.trim()],
		priority: (raw) => (/^[1-5]$/.test(raw.trim()) ? (Number(raw) as Priority) : undefined),
		kind: snKind
	},
	/** Jira Service Management issue export (CSV, all fields): repeated column names, "12/Mar/24 3:45 PM". */
	jira: {
		key: 'jira',
		source: 'jira',
		zone: 'Europe/Stockholm',
		order: 'dmy',
		mapping: {
			columns: {
				number: 'Issue key',
				sourceId: 'Issue id',
				kind: 'Issue Type',
				title: 'Summary',
				status: 'Status',
				priority: 'Priority',
				impact: ['Custom field (Impact)', 'Impact'],
				urgency: ['Custom field (Urgency)', 'Urgency'],
				category: ['Custom field (Request Type)', 'Request Type'],
				service: ['Component/s', 'Custom field (Affected services)'],
				channel: ['Custom field (Source)', 'Custom field (Request participants)'],
				assignmentGroup: ['Custom field (Team)', 'Assignee'],
				openedAt: 'Created',
				resolvedAt: 'Resolved',
				satisfaction: ['Satisfaction rating', 'Custom field (Satisfaction rating)', 'Custom field (Satisfaction)'],
				changeType: ['Custom field (Change type)', 'Change type'],
				changeRisk: ['Custom field (Change risk)', 'Change risk'],
				plannedStart: ['Custom field (Change start date)', 'Change start date'],
				plannedEnd: ['Custom field (Change completion date)', 'Change completion date'],
				changeOutcome: ['Custom field (Change outcome)'],
				labels: 'Labels',
				resolution: 'Resolution'
			}
		},
		required: ['number', 'status', 'openedAt'],
		status: (raw) => [raw, statusCategory(raw)],
		priority: wordPriority,
		kind: (raw) => (raw === null ? 'incident' : kindFromWord(raw) ?? 'request')
	}
};

/** The generic preset: the user's mapping, with the word rules of `normalize.ts` behind its value tables. */
export function genericPreset(mapping: ColumnMapping, source: string): Preset {
	const statuses = mapping.statusValues ?? {};
	const priorities = mapping.priorityValues ?? {};
	const kinds = mapping.kindValues ?? {};
	return {
		key: 'generic',
		source,
		zone: 'Europe/Stockholm',
		order: 'dmy',
		mapping,
		required: ['number'],
		status: (raw) => [raw, statuses[raw] ?? statusCategory(raw)],
		priority: (raw) => (raw in priorities ? (priorities[raw] as Priority) : wordPriority(raw)),
		kind: (raw, number) => (raw === null ? (mapping.kind ?? kindFromNumber(number)) : (kinds[raw] ?? kindFromWord(raw)))
	};
}

/**
 * Example mappings for the public process-mining logs in ../shared/data, shown
 * in the import page as starting points for a saved mapping.
 */
export const EXAMPLE_MAPPINGS: Record<string, { source: string; mapping: ColumnMapping }> = {
	'BPI Challenge 2013 (Volvo IT)': {
		source: 'vinst',
		mapping: {
			columns: {
				number: 'SR Number',
				status: ['Status', 'Sub Status'],
				eventAt: 'Change Date+Time',
				priority: 'SR Latest Impact',
				impact: 'SR Latest Impact',
				service: 'Product',
				assignmentGroup: 'Involved ST'
			},
			statusJoin: true,
			priorityValues: { Major: 1, High: 2, Medium: 3, Low: 4 },
			kind: 'incident'
		}
	},
	'BPI Challenge 2014 (Rabobank) extract': {
		source: 'rabobank',
		mapping: {
			columns: {
				number: 'Incident_ID',
				kind: 'Category',
				status: 'Status',
				priority: 'Priority',
				impact: 'Impact',
				urgency: 'Urgency',
				category: 'Category',
				service: 'CI_Name',
				openedAt: 'Open_Time',
				resolvedAt: 'Resolved_Time',
				closedAt: 'Close_Time',
				reassignmentCount: 'No_of_Reassignments'
			},
			kindValues: { incident: 'incident', 'request for information': 'request' },
			missing: ['NA']
		}
	}
};
