/**
 * Value normalisation shared by the presets: status categories, priorities,
 * kinds and change fields, from the words ServiceNow, Jira and process-mining
 * logs use.
 */
import type { CHANGE_OUTCOMES, CHANGE_TYPES, Priority, StatusCategory, TicketKind } from '../ticket.types';

/**
 * Status category from a status name. Order matters: "Completed - Cancelled"
 * is cancelled, "Queued - Awaiting Assignment" is new, "Waiting for support"
 * (Jira: the agent's turn) is in progress, "Waiting for customer" on hold.
 */
export function statusCategory(raw: string): StatusCategory {
	const v = raw.toLowerCase();
	if (/cancel|declin|withdrawn|rejected/.test(v)) return 'cancelled';
	if (/clos/.test(v)) return 'closed';
	if (/resolv|complet|done|fixed|in call/.test(v)) return 'resolved';
	if (/waiting for support|in progress|work in progress/.test(v)) return 'in_progress';
	if (/^(new|open|queued|to do|todo|registered|logged)|queued|awaiting assignment/.test(v)) return 'new';
	if (/wait|hold|await|pending|suspend/.test(v)) return 'on_hold';
	return 'in_progress';
}

/** ServiceNow numeric incident states (raw-value exports) and their labels. */
export const SERVICENOW_STATES: Record<string, [string, StatusCategory]> = {
	'1': ['New', 'new'],
	'2': ['In Progress', 'in_progress'],
	'3': ['On Hold', 'on_hold'],
	'6': ['Resolved', 'resolved'],
	'7': ['Closed', 'closed'],
	'8': ['Canceled', 'cancelled']
};

/** "1 - Critical", "2", "P3", "Priority 4": the leading digit 1–5; undefined when there is none. */
export function numericPriority(raw: string): Priority | undefined {
	const m = /^\s*(?:p|priority\s*)?([1-5])(?:\s*[-–:.]|\s|$)/i.exec(raw);
	return m ? (Number(m[1]) as Priority) : undefined;
}

const JIRA_PRIORITIES: Record<string, Priority> = {
	highest: 1, blocker: 1, critical: 1,
	high: 2, major: 2,
	medium: 3, normal: 3,
	low: 4, minor: 4,
	lowest: 5, trivial: 5
};

export function wordPriority(raw: string): Priority | undefined {
	return numericPriority(raw) ?? JIRA_PRIORITIES[raw.trim().toLowerCase()];
}

export function kindFromNumber(number: string): TicketKind {
	const prefix = /^[A-Za-z]+/.exec(number)?.[0]?.toUpperCase() ?? '';
	if (prefix === 'CHG' || prefix === 'CTASK') return 'change';
	if (prefix === 'PRB' || prefix === 'PTASK') return 'problem';
	if (prefix === 'RITM' || prefix === 'REQ' || prefix === 'SCTASK' || prefix === 'SR') return 'request';
	return 'incident';
}

export function kindFromWord(raw: string): TicketKind | undefined {
	const v = raw.toLowerCase();
	if (/change/.test(v)) return 'change';
	if (/problem/.test(v)) return 'problem';
	if (/request|task|question|access|information/.test(v)) return 'request';
	if (/incident|bug|outage|fault|störning/.test(v)) return 'incident';
	return undefined;
}

export function changeType(raw: string): (typeof CHANGE_TYPES)[number] | null {
	const v = raw.toLowerCase();
	if (/standard|pre-?approved/.test(v)) return 'standard';
	if (/emergency|urgent|expedited/.test(v)) return 'emergency';
	if (/normal|comprehensive/.test(v)) return 'normal';
	return null;
}

export function changeOutcome(raw: string): (typeof CHANGE_OUTCOMES)[number] | null {
	const v = raw.toLowerCase();
	if (/back.?out|roll.?back/.test(v)) return 'backed_out';
	if (/cancel/.test(v)) return 'cancelled';
	if (/issue/.test(v)) return 'with_issues';
	if (/fail|unsuccess/.test(v)) return 'failed';
	if (/success|complete|done|implemented/.test(v)) return 'successful';
	return null;
}

/** true/false/yes/no/1/0 (any case); undefined when it is none of them. */
export function bool(raw: string): boolean | undefined {
	const v = raw.trim().toLowerCase();
	if (v === 'true' || v === 'yes' || v === '1' || v === 'ja' || v === 'y') return true;
	if (v === 'false' || v === 'no' || v === '0' || v === 'nej' || v === 'n') return false;
	return undefined;
}
