/**
 * The language check of the page walks (issue 14 point 14): a page's visible
 * text (with the options of its menus and its title) holds no message keys,
 * no stored enum values and, in Swedish, no English interface words (in
 * English, no Swedish ones). Used by the accessibility walk (both admins) and
 * the language walk (a customer's member), so every page is read once.
 */
import type { Page } from 'playwright-core';

export type Lang = 'sv' | 'en';

/** message keys (portal_kb_results) and stored values with an underscore (minutes_draft, with_issues) */
const SNAKE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;
/** dotted keys such as meeting.duty.assign */
const DOTTED = /\b[a-z]+(?:\.[a-z_]+){2,}\b/g;

/** Stored values of our enums without an underscore: English words that must never stand alone on a Swedish page. */
const ENUM_WORDS = [
	'planned',
	'confirmed',
	'successful',
	'failed',
	'cancelled',
	'resolved',
	'closed',
	'breached',
	'pending',
	'business',
	'green',
	'amber',
	'red',
	'open',
	'done',
	'request',
	'change',
	'supplier',
	'customer',
	'chair',
	'convener',
	'compiler',
	'presenter',
	'preparer',
	'adjuster',
	'attended',
	'absent',
	'excused',
	'share',
	'hours',
	'count',
	'emergency',
	'statistics',
	'strategic',
	'tactical',
	'operational'
];

/**
 * English words of the interface that have no Swedish homograph (not
 * "Status", "Forum", "Period", "Incident", "Problem", "Portal", "Risk",
 * "Trend", "Agenda", "Offline", "Live"), matched as whole words with their
 * capital. "English" is the language switcher's label, deliberately in its
 * own language.
 */
const ENGLISH_WORDS = [
	'Meeting',
	'Meetings',
	'Minutes',
	'Approved',
	'Approval',
	'Decision',
	'Decisions',
	'Agenda item',
	'Save',
	'Saved',
	'Saving',
	'Cancel',
	'Loading',
	'Incidents',
	'Settings',
	'Customer',
	'Customers',
	'Supplier',
	'Owner',
	'Due',
	'Resolved',
	'Breached',
	'Compliance',
	'Target',
	'Priority',
	'Unknown',
	'Search',
	'Delete',
	'Edit',
	'Overview',
	'Report',
	'Reports',
	'Knowledge',
	'Home',
	'Sign in',
	'Sign out',
	'Open',
	'Closed',
	'Done',
	'Planned',
	'Confirmed',
	'Successful',
	'Failed',
	'Tickets',
	'Ticket',
	'Changes',
	'Request',
	'Attendance',
	'Attendees',
	'Chair',
	'Action',
	'Actions',
	'Previous',
	'Next',
	'Show',
	'Hide',
	'Yes',
	'Value',
	'Key figures',
	'Escalations',
	'Members',
	'People',
	'Roles',
	'Duties',
	'Add',
	'Remove',
	'Title',
	'Name',
	'Date',
	'Time',
	'Place',
	'Green',
	'Amber',
	'Red',
	'successful',
	'confirmed',
	'planned',
	'with issues',
	'backed out',
	'by priority',
	'per priority'
];

/**
 * Swedish words of the interface that no English page should show (the
 * figure tables, the "Infoga underlag" menu, statuses); chosen so that they
 * do not occur in the demo's Swedish data (meeting titles, agenda items such
 * as "Nyckeltal" and "Eskaleringar", articles).
 */
const SWEDISH_WORDS = [
	'Uppfyllnad',
	'Uppfyllt',
	'Prioritet',
	'Brutet',
	'Infoga underlag',
	'Planerad start',
	'Spara',
	'Avbryt',
	'Laddar',
	'Planerat',
	'Bekräftat',
	'Lyckade',
	'Okänt',
	'lösningstid',
	'svarstid'
];

const words = (list: string[]) => new RegExp(`(?<![\\p{L}\\d_-])(?:${list.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\d_-])`, 'gu');
const ENUM_RE = words(ENUM_WORDS);
const ENGLISH_RE = words(ENGLISH_WORDS);
const SWEDISH_RE = words(SWEDISH_WORDS);

/**
 * Not words of the interface: text people wrote or imported (ticket titles,
 * in whatever language they came), marked `data-user-content`, identifiers
 * a person chose (a KPI's key), marked `translate="no"`, and text marked with
 * the other language's `lang` (a role's name in both languages).
 */
const NOT_INTERFACE = ['[data-user-content]', '[translate="no"]'];
/**
 * ServiceNow's own names, quoted as they must be typed: the SLA field in the
 * SLA page's explanation; a record's id, the change table and the display
 * parameter in the ticket connector's hints.
 */
const SOURCE_FIELDS = ['made_sla', 'sys_id', 'change_request', 'sysparm_display_value'];
/**
 * Parts of pages that another change of the same issue rewrites: the audit
 * log in words is issue 14 point 11 (branch k-audit). Remove an entry once
 * that change is merged.
 */
const PENDING_ELSEWHERE = ['#audit'];

/** What a person reads on the page: its text, the options of its menus and its title. */
export async function visibleText(page: Page): Promise<string> {
	return page.evaluate((skip) => {
		for (const el of document.querySelectorAll(skip.join(','))) el.remove();
		// text marked as being in the other language on purpose (a role's name in both languages)
		for (const el of document.body.querySelectorAll('[lang]')) if (el.getAttribute('lang') !== document.documentElement.lang) el.remove();
		return [document.title, document.body.innerText, ...[...document.querySelectorAll('option')].map((o) => o.textContent ?? '')].join('\n');
	}, [...NOT_INTERFACE, ...PENDING_ELSEWHERE]);
}

/** Addresses, e-mail addresses and host names are not words of the interface. */
const withoutAddresses = (text: string) =>
	text
		.replace(/\bhttps?:\/\/\S+/g, ' ')
		.replace(/\S+@\S+/g, ' ')
		.replace(/\/[\w\-/.:?=&%]+/g, ' ')
		.replace(/\b[\w-]+(?:\.[\w-]+)*\.(?:example|se|com|org|net|ics|csv|pdf)\b/g, ' ');

export function findings(text: string, lang: Lang): string[] {
	const clean = withoutAddresses(text);
	const out = new Set<string>();
	for (const m of clean.matchAll(SNAKE)) if (!SOURCE_FIELDS.includes(m[0])) out.add(`raw key or value "${m[0]}"`);
	for (const m of clean.matchAll(DOTTED)) out.add(`dotted key "${m[0]}"`);
	if (lang === 'sv') {
		for (const m of clean.matchAll(ENUM_RE)) out.add(`enum value "${m[0]}"`);
		for (const m of clean.matchAll(ENGLISH_RE)) out.add(`English "${m[0]}"`);
	} else {
		for (const m of clean.matchAll(SWEDISH_RE)) out.add(`Swedish "${m[0]}"`);
	}
	return [...out];
}

