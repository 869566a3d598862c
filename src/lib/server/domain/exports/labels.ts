/**
 * The vocabulary of exported minutes, in both languages. An archived document
 * is rendered in one language chosen at export, independent of the UI's
 * request-scoped locale, so the renderers stay pure functions of
 * (model, locale) and can run in tests and background jobs alike.
 */
import type { Duty } from '$lib/domain-types';
import type { ActionStatus } from '$lib/server/db/lifecycle-schema';

export type ExportLocale = 'sv' | 'en';

export interface ExportLabels {
	minutes: string;
	customer: string;
	forum: string;
	date: string;
	time: string;
	place: string;
	noPlace: string;
	attendees: string;
	supplier: string;
	customerSide: string;
	name: string;
	role: string;
	duties: string;
	attendance: string;
	attendanceStatus: Record<'attended' | 'absent' | 'excused' | 'unmarked', string>;
	duty: Record<Duty, string>;
	agenda: string;
	plannedMinutes: (n: number) => string;
	presenter: string;
	minutesText: string;
	decisions: string;
	decision: (n: number) => string;
	noDecisions: string;
	actions: string;
	actionsNew: string;
	actionsClosed: string;
	actionsOpen: string;
	noActions: string;
	action: string;
	owner: string;
	due: string;
	status: string;
	actionStatus: Record<ActionStatus, string>;
	escalatedFrom: string;
	escalatedTo: string;
	/** one end of an escalation: forum, meeting (title and day) if any, action */
	escalationEnd: (forum: string, meeting: string | null, action: string) => string;
	figures: string;
	/** the decision material before the meeting (issue 16) */
	material: string;
	materialDocument: string;
	materialVersion: string;
	materialHash: string;
	period: string;
	approvals: string;
	approvalRole: Record<'chair' | 'adjuster', string>;
	approvedAt: string;
	notApproved: string;
	addenda: string;
	addendumBy: (name: string, at: string) => string;
	page: (n: number, of: number) => string;
	nobody: string;
	none: string;
}

const sv: ExportLabels = {
	minutes: 'Protokoll',
	customer: 'Kund',
	forum: 'Forum',
	date: 'Datum',
	time: 'Tid',
	place: 'Plats',
	noPlace: 'Ingen plats angiven',
	attendees: 'Närvarande och kallade',
	supplier: 'Leverantören',
	customerSide: 'Kunden',
	name: 'Namn',
	role: 'Roll',
	duties: 'Uppdrag',
	attendance: 'Närvaro',
	attendanceStatus: { attended: 'Närvarande', absent: 'Frånvarande', excused: 'Anmält förhinder', unmarked: 'Ej noterad' },
	duty: {
		convener: 'Sammankallande',
		compiler: 'Sammanställande',
		chair: 'Ordförande',
		minute_taker: 'Protokollförare',
		presenter: 'Föredragande',
		preparer: 'Förberedande'
	},
	agenda: 'Dagordning',
	plannedMinutes: (n) => `${n} min`,
	presenter: 'Föredragande',
	minutesText: 'Protokollsanteckningar',
	decisions: 'Beslut',
	decision: (n) => `Beslut ${n}`,
	noDecisions: 'Inga beslut fattades.',
	actions: 'Aktivitetslista',
	actionsNew: 'Nya aktiviteter',
	actionsClosed: 'Avslutade aktiviteter',
	actionsOpen: 'Fortfarande öppna aktiviteter',
	noActions: 'Inga.',
	action: 'Aktivitet',
	owner: 'Ansvarig',
	due: 'Klart senast',
	status: 'Status',
	actionStatus: { open: 'Öppen', in_progress: 'Pågår', done: 'Klar', cancelled: 'Struken' },
	escalatedFrom: 'Eskalerad från',
	escalatedTo: 'Eskalerad till',
	escalationEnd: (forum, meeting, action) => [forum, meeting ? `mötet ${meeting}` : null, `aktiviteten ”${action}”`].filter(Boolean).join(', '),
	figures: 'Underlag (data vid justering)',
	material: 'Beslutsunderlag',
	materialDocument: 'Dokument',
	materialVersion: 'Version',
	materialHash: 'SHA-256',
	period: 'Period',
	approvals: 'Justering',
	approvalRole: { chair: 'Ordförande', adjuster: 'Justerare' },
	approvedAt: 'Justerat',
	notApproved: 'Ej justerat',
	addenda: 'Tillägg efter justering',
	addendumBy: (name, at) => `${at}, ${name}`,
	page: (n, of) => `Sida ${n} av ${of}`,
	nobody: 'Ingen',
	none: '–'
};

const en: ExportLabels = {
	minutes: 'Minutes',
	customer: 'Customer',
	forum: 'Forum',
	date: 'Date',
	time: 'Time',
	place: 'Place',
	noPlace: 'No place given',
	attendees: 'Attendees and invitees',
	supplier: 'Supplier',
	customerSide: 'Customer',
	name: 'Name',
	role: 'Role',
	duties: 'Duties',
	attendance: 'Attendance',
	attendanceStatus: { attended: 'Attended', absent: 'Absent', excused: 'Excused', unmarked: 'Not recorded' },
	duty: {
		convener: 'Convener',
		compiler: 'Compiler',
		chair: 'Chair',
		minute_taker: 'Minute-taker',
		presenter: 'Presenter',
		preparer: 'Preparer'
	},
	agenda: 'Agenda',
	plannedMinutes: (n) => `${n} min`,
	presenter: 'Presenter',
	minutesText: 'Minutes',
	decisions: 'Decisions',
	decision: (n) => `Decision ${n}`,
	noDecisions: 'No decisions were made.',
	actions: 'Action items',
	actionsNew: 'New action items',
	actionsClosed: 'Closed action items',
	actionsOpen: 'Still open action items',
	noActions: 'None.',
	action: 'Action',
	owner: 'Owner',
	due: 'Due',
	status: 'Status',
	actionStatus: { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
	escalatedFrom: 'Escalated from',
	escalatedTo: 'Escalated to',
	escalationEnd: (forum, meeting, action) => [forum, meeting ? `meeting ${meeting}` : null, `action “${action}”`].filter(Boolean).join(', '),
	figures: 'Figures (as frozen at approval)',
	material: 'Decision material',
	materialDocument: 'Document',
	materialVersion: 'Version',
	materialHash: 'SHA-256',
	period: 'Period',
	approvals: 'Approval',
	approvalRole: { chair: 'Chair', adjuster: 'Adjuster' },
	approvedAt: 'Approved',
	notApproved: 'Not approved',
	addenda: 'Addenda after approval',
	addendumBy: (name, at) => `${at}, ${name}`,
	page: (n, of) => `Page ${n} of ${of}`,
	nobody: 'Nobody',
	none: '–'
};

export const exportLabels = (locale: ExportLocale): ExportLabels => (locale === 'en' ? en : sv);
