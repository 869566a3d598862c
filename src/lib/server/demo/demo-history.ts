/**
 * A year of governance behind the demo: the past meetings of the operational,
 * tactical, security and strategic forums were held, have minutes with text
 * and decisions, attendance, action items (done, open and overdue ones) and
 * approved (justerade) minutes, the earlier ones confirmed at the next
 * meeting. Written through the same documents, projection and model builder
 * as real use, so every page and export shows real content.
 *
 * Loaded by `npm run demo` only (SAMVERKAN_DEMO_HISTORY, default on there and
 * off in tests, whose fixtures expect meetings they can still edit).
 */
import { $isHeadingNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, $isParagraphNode } from 'lexical';
import * as Y from 'yjs';
import type { Db } from '$lib/server/db';
import { $createDecisionNode } from '$lib/editor/decision-node';
import { actionItemMap, actionItems, findActionMap, setActionStatus } from '$lib/realtime/actions-doc';
import { agendaItems } from '$lib/realtime/agenda-doc';
import { forumActionsDoc, meetingAgendaDoc, meetingMinutesDoc, parseDocName } from '$lib/realtime/doc-names';
import { resolveDocument } from '../domain/collab/collab.policy';
import type { DocumentStore } from '../domain/collab/document-store';
import { headlessMinutes } from '../domain/collab/headless-minutes';
import { newId } from '../domain/ids';
import { effectiveDuties } from '../domain/meeting-core/meeting-duties';
import { buildMinutesModel } from '../domain/meetings/minutes-model.builder';
import { frozenFigures } from '../domain/meetings/lifecycle.service';
import type { FrozenFigure } from '../domain/meeting-core/minutes-model';
import { SYSTEM_ACTOR } from '../domain/actor';
import { firstCustomerAdmin, forumMembersWithParty, forumsWithTemplateKey, insertAttendance, meetingsOfForum, recordApprovedMeeting } from './demo.repository';

const FORUMS = ['operational', 'tactical', 'security', 'strategic'];
/** at most this many past meetings per forum get a history (CAB meets every other week) */
const PER_FORUM = 12;

/** What was said under each kind of agenda item, varied by meeting number. */
const NOTES: Record<string, string[]> = {
	previous_minutes: ['Föregående protokoll gicks igenom och lades till handlingarna.', 'Protokollet från förra mötet bekräftades utan ändringar.'],
	supplier_info: [
		'IT-mästaren informerade om planerat underhåll av lagringsmiljön och om nya rutiner för behörighetsbeställningar.',
		'Leverantören presenterade ny kontaktperson för servicedesk och uppdaterade öppettider under helger.'
	],
	customer_info: ['Kommunen informerade om omorganisation inom socialförvaltningen som påverkar behörigheter.', 'Kunden planerar införande av nytt ärendehanteringssystem under hösten.'],
	operations_status: ['Driften har varit stabil under perioden.', 'Planerade ändringar genomfördes enligt plan.'],
	activity_review: ['Aktivitetslistan gicks igenom; klara punkter stängdes.', 'Aktivitetslistan gicks igenom; två punkter fick nya datum.'],
	other: ['Inga övriga frågor.', 'Nästa möte enligt plan.']
};

const DECISIONS = [
	'Vi inför tvåfaktorsinloggning för alla administratörskonton senast vid kvartalsskiftet.',
	'Underhållsfönstret flyttas till tisdagar 18–21.',
	'Kommunen godkänner att backuprutinen testas med återläsning en gång per kvartal.',
	'Nyckeltalet för kundnöjdhet följs upp varje månad från och med nästa möte.',
	'Beställningar av behörigheter ska gå via portalen från och med nästa månad.',
	'Planen för uppgradering av nätverket på skolorna godkänns.'
];

const ACTIONS = [
	{ title: 'Ta fram plan för tvåfaktorsinloggning', description: 'Omfattar alla administratörskonton, även leverantörens.' },
	{ title: 'Uppdatera kontaktlistan för eskaleringar', description: 'Både leverantörens och kommunens kontaktpersoner.' },
	{ title: 'Analysera orsaken till låg SLA för P3', description: 'Särskilt ärenden som väntat på kund.' },
	{ title: 'Testa återläsning från backup', description: 'Välj ett verksamhetssystem och dokumentera resultatet.' },
	{ title: 'Informera förvaltningarna om nya beställningsrutiner', description: '' },
	{ title: 'Ta fram förslag på nya nyckeltal', description: 'Till nästa taktiska forum.' },
	{ title: 'Inventera licenser för kontorsprogram', description: '' },
	{ title: 'Se över rutin för av- och påkoppling av konton', description: 'När personal slutar eller börjar.' }
];

const numberWords = ['Inga', 'En', 'Två', 'Tre', 'Fyra', 'Fem', 'Sex', 'Sju', 'Åtta', 'Nio', 'Tio'];
const counted = (n: number, one: string, many: string) => `${numberWords[n] ?? n} ${n === 1 ? one : many}`;
const ticketList = (rows: FrozenFigure['rows']) => {
	const shown = rows.slice(0, 3).map((r) => `${r[0]} (${r[2] || 'utan prioritet'})`);
	return shown.join(', ') + (rows.length > 3 ? ` med flera` : '');
};

/**
 * What the minutes say under the agenda items that deal with figures, written
 * from the meeting's own frozen figures (meeting-figures.ts), so the text
 * says what the tables below it show: the escalations, the P1/P2 and major
 * incidents, and the SLA compliance of the period.
 */
export function figureNotes(figures: FrozenFigure[]): Partial<Record<string, string>> {
	const byId = (id: string) => figures.find((f) => f.id === id);
	const notes: Partial<Record<string, string>> = {};
	const escalations = byId('escalations');
	if (escalations) {
		const n = escalations.total ?? escalations.rows.length;
		notes.escalations =
			n === 0
				? 'Inga eskalerade ärenden under perioden (inget brutet lösningstids-SLA, ingen större incident).'
				: `${n === 1 ? 'Ett eskalerat ärende' : counted(n, '', 'eskalerade ärenden')} under perioden (brutet lösningstids-SLA eller större incident) gicks igenom: ${ticketList(escalations.rows)}.`;
	}
	const incidents = byId('incidents');
	if (incidents) {
		const n = incidents.total ?? incidents.rows.length;
		notes.incident_follow_up =
			n === 0
				? 'Inga P1/P2-incidenter öppnades under perioden.'
				: `${counted(n, 'P1/P2-incident', 'P1/P2-incidenter')} öppnade under perioden följdes upp: ${ticketList(incidents.rows)}.`;
	}
	const deviations = byId('invoicing-deviations');
	if (deviations) {
		notes.invoicing =
			deviations.rows.length === 0
				? 'Föregående periods fakturering stämde med avtalet; inga avvikelser utöver toleransen.'
				: `Föregående periods fakturering gicks igenom mot avtalet. Avvikelser: ${deviations.rows.map((r) => `${r[1]} ${r[0]} (${r[5]}, ${r[4]})`).join('; ')}. BAM återkommer med kreditering.`;
	}
	const sla = byId('sla-resolution');
	if (sla) {
		const met = sla.rows.reduce((a, r) => a + Number(r[2]), 0);
		const breached = sla.rows.reduce((a, r) => a + Number(r[3]), 0);
		const lowest = [...sla.rows].sort((a, b) => Number(a[2]) / (Number(a[2]) + Number(a[3])) - Number(b[2]) / (Number(b[2]) + Number(b[3])))[0];
		notes.statistics_sla =
			met + breached === 0
				? 'Inga ärenden avgjordes mot SLA under perioden.'
				: `SLA för lösningstid: ${met} ärenden i tid och ${breached} överskridna under perioden. Lägst uppfyllnad hade ${lowest[0]} (${lowest[4]}).`;
	}
	return notes;
}

const HELD = (ends: string, now: Date) => Date.parse(ends) < now.getTime() - 24 * 3600 * 1000;
const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86400_000).toISOString();
const dateOf = (iso: string) => iso.slice(0, 10);

/** Appends a note under each heading of the minutes and a decision at the end. */
function writeMinutes(source: Y.Doc, pick: (kind: string) => string, headingKinds: string[], decision: string | null): Uint8Array {
	const doc = new Y.Doc();
	const { editor, follow, write } = headlessMinutes(doc);
	follow();
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
	editor.update(() => {}, { discrete: true });
	write();
	const before = Y.encodeStateVector(doc);
	editor.update(
		() => {
			let h = 0;
			for (const node of $getRoot().getChildren()) {
				if ($isHeadingNode(node)) {
					const next = node.getNextSibling();
					const text = pick(headingKinds[h++] ?? 'other');
					if ($isParagraphNode(next) && next.getTextContent() === '') next.append($createTextNode(text));
					else node.insertAfter($createParagraphNode().append($createTextNode(text)));
				}
			}
			if (decision) $getRoot().append($createDecisionNode(newId()).append($createTextNode(decision)));
		},
		{ discrete: true }
	);
	const diff = Y.encodeStateAsUpdate(doc, before);
	doc.destroy();
	return diff;
}

export async function loadDemoHistory(db: Db, docs: DocumentStore, now = new Date()): Promise<void> {
	const forums = await forumsWithTemplateKey(db);
	let n = 0;
	for (const forum of forums.filter((f) => FORUMS.includes(f.key))) {
		const meetings = (await meetingsOfForum(db, forum.id)).filter((m) => HELD(m.ends_at, now)).slice(-PER_FORUM);
		if (meetings.length === 0) continue;
		const ref = { id: meetings[0].id, forum_id: forum.id, customer_id: forum.customer_id };
		const duties = await effectiveDuties(db, ref);
		const chairId = duties.find((d) => d.duty === 'chair')?.personId ?? null;
		const customerAdmin = await firstCustomerAdmin(db, forum.customer_id);
		const members = await forumMembersWithParty(db, forum.id);
		const supplierMember = members.find((p) => !p.customer_id)?.id ?? chairId;
		const customerMember = members.find((p) => p.customer_id)?.id ?? customerAdmin?.id ?? null;
		const actionsTarget = await resolveDocument(db, parseDocName(forumActionsDoc(forum.id))!);
		const raised: { id: string; meetingIndex: number }[] = [];

		for (const [i, meeting] of meetings.entries()) {
			n++;
			const agendaTarget = await resolveDocument(db, parseDocName(meetingAgendaDoc(meeting.id))!);
			const minutesTarget = await resolveDocument(db, parseDocName(meetingMinutesDoc(meeting.id))!);
			// The agenda was dealt with, item by item.
			const kinds = await docs.read(agendaTarget, (doc) => agendaItems(doc).toArray().map((m) => String(m.get('kind'))));
			await docs.change(agendaTarget, (doc) => {
				for (const item of agendaItems(doc).toArray()) item.set('done', true);
			});
			const decision = i % 2 === 0 || forum.key !== 'operational' ? DECISIONS[(n + i) % DECISIONS.length] : null;
			// the figures the meeting dealt with, frozen at approval below; the minutes text tells them
			await docs.flushProjection(agendaTarget);
			const figures = await frozenFigures(db, SYSTEM_ACTOR, meeting.id);
			const fromFigures = figureNotes(figures);
			const update = await docs.read(minutesTarget, (doc) =>
				writeMinutes(doc, (kind) => fromFigures[kind] ?? (NOTES[kind] ?? NOTES.other)[(n + i) % 2], kinds, decision)
			);
			await docs.change(minutesTarget, (doc) => Y.applyUpdate(doc, update));

			// Actions: one or two raised per meeting; older ones closed in a later meeting.
			await docs.change(actionsTarget, (doc) => {
				const count = forum.key === 'operational' ? 2 : 1;
				for (let k = 0; k < count; k++) {
					const a = ACTIONS[(n + i * 3 + k) % ACTIONS.length];
					const id = newId();
					raised.push({ id, meetingIndex: i });
					actionItems(doc).push([
						actionItemMap({
							id,
							title: a.title,
							description: a.description,
							ownerId: k % 2 === 0 ? supplierMember : customerMember,
							dueDate: dateOf(addDays(meeting.starts_at, 21 + 7 * k)),
							status: 'open',
							raisedMeetingId: meeting.id,
							closedMeetingId: null,
							escalatedFromId: null,
							escalatedToId: null,
							createdAt: meeting.starts_at,
							createdBy: chairId
						})
					]);
				}
				// Actions of the previous meeting were mostly done by this one; the rest got a new
				// date, except the very first of them, which is still overdue.
				for (const r of raised.filter((x) => x.meetingIndex === i - 1)) {
					const map = findActionMap(doc, r.id);
					if (!map) continue;
					if ((n + r.meetingIndex) % 3 !== 0) setActionStatus(map, 'done', meeting.id);
					else if (r.meetingIndex > 0) map.set('dueDate', dateOf(addDays(meetings.at(-1)!.starts_at, 35)));
				}
				if (i === meetings.length - 1) {
					const last = raised.at(-1);
					const map = last && findActionMap(doc, last.id);
					if (map) map.set('status', 'in_progress');
				}
			});

			// Attendance: everybody, except one excused now and then.
			const at = meeting.ends_at;
			await insertAttendance(
				db,
				members.map((p, k) => ({ meeting_id: meeting.id, person_id: p.id, status: (k + i) % 5 === 4 ? ('excused' as const) : ('attended' as const), updated_by: chairId, updated_at: at }))
			);

			// Held, then approved a few days later by the chair and the customer's adjuster.
			const approvedAt = addDays(meeting.ends_at, 2 + (i % 3));
			const approvals = [
				...(chairId ? [{ role: 'chair' as const, person_id: chairId, at: addDays(meeting.ends_at, 1) }] : []),
				...(customerAdmin && customerAdmin.id !== chairId ? [{ role: 'adjuster' as const, person_id: customerAdmin.id, at: approvedAt }] : [])
			];
			for (const t of [agendaTarget, minutesTarget, actionsTarget]) await docs.flushProjection(t);
			const model = await buildMinutesModel(db, docs, meeting.id, { approvals, figures });
			const state = await docs.read(minutesTarget, (doc) => Y.encodeStateAsUpdate(doc));
			const next = meetings[i + 1];
			await db.transaction().execute(async (tx) => {
				await recordApprovedMeeting(
					tx,
					meeting.id,
					{
						status: next ? 'confirmed' : 'minutes_approved',
						agenda_published_at: addDays(meeting.starts_at, -7),
						agenda_published_by: chairId,
						started_at: meeting.starts_at,
						started_by: chairId,
						ended_at: meeting.ends_at,
						ended_by: chairId,
						adjuster_person_id: customerAdmin?.id ?? null,
						approved_at: approvedAt,
						confirmed_at: next ? next.starts_at : null,
						confirmed_by: next ? chairId : null,
						confirmed_in_meeting_id: next?.id ?? null
					},
					approvals.map((a) => ({ meeting_id: meeting.id, ...a })),
					{ id: newId(), meeting_id: meeting.id, kind: 'approved', state, content: JSON.stringify(model), created_by: approvals.at(-1)?.person_id ?? null, created_at: approvedAt }
				);
			});
			docs.lock(minutesTarget.name);
			docs.lock(agendaTarget.name);
		}
		await docs.flushProjection(actionsTarget);
	}
}
