/**
 * What every export of the minutes shows, in which order and with which
 * words: the renderers (PDF, HTML, Markdown) differ only in markup.
 */
import { DateTime } from 'luxon';
import type { Party } from '$lib/domain-types';
import type { EscalationEnd, FrozenFigure, MinutesAction, MinutesModel, MinutesRun } from '../meeting-core/minutes-model';
import { formatCell } from '$lib/number-format';
import { DEFAULT_TIME_ZONE } from '../time';
import { exportLabels, type ExportLabels, type ExportLocale } from './labels';

const zoned = (iso: string, locale: ExportLocale) =>
	DateTime.fromISO(iso, { zone: 'utc' }).setZone(DEFAULT_TIME_ZONE).setLocale(locale === 'en' ? 'en-GB' : 'sv-SE');

/**
 * A frozen figure's cells as text, numbers in the figure's own language (the
 * language it was approved in: its words are in that language too).
 */
export const figureCells = (f: FrozenFigure): string[][] => f.rows.map((r) => r.map((v) => formatCell(v, f.lang ?? 'sv')));

/** "28 november 2026" / "28 November 2026", in Stockholm. */
export const formatDay = (iso: string, locale: ExportLocale) => zoned(iso, locale).toFormat('d MMMM yyyy');
/** "2026-11-28 14:05", in Stockholm: unambiguous in both languages, for approvals and addenda. */
export const formatStamp = (iso: string, locale: ExportLocale) => zoned(iso, locale).toFormat('yyyy-MM-dd HH:mm');
export const formatTimeSpan = (startIso: string, endIso: string, locale: ExportLocale) =>
	`${zoned(startIso, locale).toFormat('HH:mm')}–${zoned(endIso, locale).toFormat('HH:mm')}`;

export const plainText = (runs: MinutesRun[]) => runs.map((r) => r.text).join('');

/** Only web and mail links survive into an archived document. */
export const safeHref = (href: string | undefined): string | null =>
	href && /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : null;

export interface HeaderFact {
	label: string;
	value: string;
}

export interface AttendeeRow {
	name: string;
	role: string;
	duties: string;
	attendance: string;
}

export interface ActionGroup {
	title: string;
	/** action (title, description, escalation references), owner, due, status: the columns of `actionColumns` */
	rows: [string, string, string, string][];
}

export interface Outline {
	locale: ExportLocale;
	labels: ExportLabels;
	title: string;
	/** for the PDF's running header: customer · forum · date */
	runningHeader: string;
	facts: HeaderFact[];
	sides: { side: Party; title: string; rows: AttendeeRow[] }[];
	agenda: { title: string; detail: string }[];
	/** the decision material that was before the meeting: document (and agenda item), version, SHA-256 */
	material: { columns: [string, string, string]; rows: [string, string, string][] };
	decisions: { label: string; text: string }[];
	actionColumns: [string, string, string, string];
	actionGroups: ActionGroup[];
	/** figures no data block of the minutes shows in place */
	looseFigureIds: string[];
	approvals: { role: string; name: string; at: string }[];
	addenda: { heading: string; text: string }[];
}

export function minutesOutline(model: MinutesModel, locale: ExportLocale): Outline {
	const l = exportLabels(locale);
	const m = model.meeting;
	const forum = model.meeting.forumName[locale] || model.meeting.forumName.sv;
	const day = formatDay(m.startsAt, locale);
	const sides = (['supplier', 'customer'] as const).map((side) => ({
		side,
		title: side === 'supplier' ? l.supplier : l.customerSide,
		rows: model.attendees
			.filter((a) => a.side === side)
			.map((a) => ({
				name: a.name,
				role: a.role ?? l.none,
				duties: a.duties.length ? a.duties.map((d) => l.duty[d]).join(', ') : l.none,
				attendance: l.attendanceStatus[a.attendance ?? 'unmarked']
			}))
	}));
	// the other end of an escalation, by forum, meeting and action, so that the archived minutes name it
	const endText = (e: EscalationEnd) =>
		l.escalationEnd(e.forumName[locale] || e.forumName.sv, e.meetingTitle && e.meetingStartsAt ? `${e.meetingTitle} (${formatDay(e.meetingStartsAt, locale)})` : null, e.actionTitle);
	const actionCell = (a: MinutesAction) =>
		[
			a.description ? `${a.title}: ${a.description}` : a.title,
			a.escalatedFrom ? `${l.escalatedFrom}: ${endText(a.escalatedFrom)}` : null,
			a.escalatedTo ? `${l.escalatedTo}: ${endText(a.escalatedTo)}` : null
		]
			.filter(Boolean)
			.join(' — ');
	const actionRows = (list: MinutesAction[]): ActionGroup['rows'] =>
		list.map((a) => [actionCell(a), a.ownerName ?? l.nobody, a.dueDate ?? l.none, l.actionStatus[a.status]]);
	const shown = new Set(model.blocks.flatMap((b) => (b.type === 'data' ? [b.figureId] : [])));
	return {
		locale,
		labels: l,
		title: `${l.minutes}: ${m.title}`,
		runningHeader: `${m.customerName} · ${forum} · ${day}`,
		facts: [
			{ label: l.customer, value: m.customerName },
			{ label: l.forum, value: forum },
			{ label: l.date, value: day },
			{ label: l.time, value: formatTimeSpan(m.startsAt, m.endsAt, locale) },
			{ label: l.place, value: m.location ?? l.noPlace }
		],
		sides,
		agenda: model.agenda.map((a) => ({
			title: a.title,
			detail: [l.plannedMinutes(a.plannedMinutes), a.presenterName ? `${l.presenter}: ${a.presenterName}` : null].filter(Boolean).join(' · ')
		})),
		material: {
			columns: [l.materialDocument, l.materialVersion, l.materialHash],
			rows: (model.material ?? []).map((d) => [d.agendaItem ? `${d.name} (${d.agendaItem})` : d.name, String(d.version), d.sha256])
		},
		decisions: model.decisions.map((d) => ({ label: l.decision(d.number), text: d.text })),
		actionColumns: [l.action, l.owner, l.due, l.status],
		actionGroups: [
			{ title: l.actionsNew, rows: actionRows(model.actions.new) },
			{ title: l.actionsClosed, rows: actionRows(model.actions.closed) },
			{ title: l.actionsOpen, rows: actionRows(model.actions.open) }
		],
		looseFigureIds: model.figures.filter((f) => !shown.has(f.id)).map((f) => f.id),
		approvals: model.approvals.map((a) => ({ role: l.approvalRole[a.role], name: a.name, at: formatStamp(a.at, locale) })),
		addenda: model.addenda.map((a) => ({ heading: l.addendumBy(a.by, formatStamp(a.at, locale)), text: a.text }))
	};
}

/** The number a decision block carries in the minutes (its place among the decisions). */
export function decisionNumber(model: MinutesModel, id: string): number | null {
	return model.decisions.find((d) => d.id === id)?.number ?? null;
}

export const exportFileName = (model: MinutesModel, ext: string) => {
	const date = DateTime.fromISO(model.meeting.startsAt, { zone: 'utc' }).setZone(DEFAULT_TIME_ZONE).toFormat('yyyy-MM-dd');
	const slug = model.meeting.title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.toLowerCase()
		.slice(0, 60);
	return `protokoll-${date}${slug ? `-${slug}` : ''}.${ext}`;
};
