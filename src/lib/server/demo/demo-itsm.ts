/**
 * Demo tickets. Norrby kommun gets the first 890 incidents of the UCI
 * "Incident management process enriched event log" (a real ServiceNow audit
 * log: C. Amaral, M. Fantinato, S. Peres, UCI Machine Learning Repository
 * id 498, DOI 10.24432/C57S4H, CC BY 4.0), moved in time by whole weeks so that
 * it ends a few days ago (weekdays, and so business-hour SLAs, stay as they
 * were). Vattenbolaget gets the 67 incidents of the ServiceNow demo instance,
 * moved the same way. Both get a few changes for the change KPIs.
 *
 * The files are read from ../shared/data (or ITSM_DEMO_DATA); without them the
 * demo simply has no tickets. Parsing the 2 MB log takes about a second.
 */
import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from '$lib/server/db';
import { SYSTEM_ACTOR } from '../domain/actor';
import { newId, nowIso } from '../domain/ids';
import { assemble } from '../domain/itsm/import/assemble';
import type { ImportReport } from '../domain/itsm/import/import-report';
import { mapCsv } from '../domain/itsm/import/import.service';
import { recordImport } from '../domain/itsm/import/imports.repository';
import { PRESETS } from '../domain/itsm/import/presets';
import { loadSlaSettings } from '../domain/itsm/sla/settings.repository';
import { slaPolicy } from '../domain/itsm/sla/sla-settings';
import { storeTickets } from '../domain/itsm/store';
import type { TicketDraft } from '../domain/itsm/ticket.types';

export const UCI_CREDIT =
	'UCI Machine Learning Repository: "Incident management process enriched event log" by C. Amaral, M. Fantinato and S. Peres (id 498, DOI 10.24432/C57S4H), CC BY 4.0';

const WEEK = 7 * 86_400_000;
const DAY = 86_400_000;

const dataDir = () => resolve(process.env.ITSM_DEMO_DATA ?? '../shared/data');

/** Moves every time of a ticket by `shift` ms. */
function shifted(d: TicketDraft, shift: number): TicketDraft {
	const s = (v: number | null) => (v === null ? null : v + shift);
	return {
		...d,
		openedAt: d.openedAt + shift,
		firstResponseAt: s(d.firstResponseAt),
		resolvedAt: s(d.resolvedAt),
		closedAt: s(d.closedAt),
		plannedStart: s(d.plannedStart),
		plannedEnd: s(d.plannedEnd),
		actualStart: s(d.actualStart),
		actualEnd: s(d.actualEnd),
		history: d.history.map((h) => ({ ...h, at: h.at + shift }))
	};
}

/** Whole weeks that move the latest moment of `drafts` to `daysAgo` days before now. */
function weeksShift(drafts: TicketDraft[], now: number, daysAgo: number): number {
	let latest = 0;
	for (const d of drafts) latest = Math.max(latest, d.openedAt, d.closedAt ?? 0, ...d.history.map((h) => h.at));
	return Math.round((now - daysAgo * DAY - latest) / WEEK) * WEEK;
}

function changes(now: number, prefix: string, count: number): TicketDraft[] {
	const outcomes: TicketDraft['changeOutcome'][] = ['successful', 'successful', 'successful', 'with_issues', 'successful', 'failed', 'successful', 'backed_out', 'successful', 'successful'];
	const types: TicketDraft['changeType'][] = ['standard', 'normal', 'normal', 'standard', 'emergency', 'normal', 'standard', 'normal', 'normal', 'standard'];
	return Array.from({ length: count }, (_, i): TicketDraft => {
		const start = now - (count - i) * 5 * DAY + 10 * 3_600_000;
		const future = start > now;
		return {
			source: 'demo', sourceId: null, number: `${prefix}${String(1000 + i)}`, kind: 'change',
			title: ['Patchning av servrar', 'Uppgradering av brandvägg', 'Ny version av e-tjänstplattformen', 'Byte av backup-lösning', 'Akut säkerhetsuppdatering'][i % 5],
			statusRaw: future ? 'Scheduled' : 'Closed', status: future ? 'new' : 'closed', priorityRaw: '3', priority: 3,
			impact: null, urgency: null, category: 'Infrastructure', service: null, channel: null, assignmentGroup: 'Drift',
			openedAt: start - 10 * DAY, firstResponseAt: null, resolvedAt: future ? null : start + 2 * 3_600_000,
			closedAt: future ? null : start + 3 * 3_600_000, reopenCount: 0, reassignmentCount: 0, majorIncident: false,
			sourceSlaMet: null, satisfaction: null, changeType: types[i % 10], changeRisk: ['Low', 'Moderate', 'High'][i % 3],
			cabRequired: types[i % 10] !== 'standard', plannedStart: start, plannedEnd: start + 2 * 3_600_000,
			actualStart: future ? null : start, actualEnd: future ? null : start + 2 * 3_600_000, changeOutcome: future ? null : outcomes[i % 10],
			history: [{ at: start - 10 * DAY, status: 'new', statusRaw: 'New', priority: 3 }]
		};
	});
}

async function load(db: Db, customerId: string, file: string, preset: keyof typeof PRESETS, changePrefix: string, now: number) {
	const path = resolve(dataDir(), file);
	if (!existsSync(path)) return;
	const mapped = await mapCsv(createReadStream(path), PRESETS[preset], {});
	const drafts = (await assemble(mapped.events)).map((a) => a.draft);
	const shift = weeksShift(drafts, now, 3);
	const tickets = [...drafts.map((d) => shifted(d, shift)), ...changes(now, changePrefix, 14)];
	const policy = slaPolicy(await loadSlaSettings(db, customerId));
	await db.transaction().execute(async (tx) => {
		const at = nowIso();
		const importId = newId();
		const stored = await storeTickets(tx, customerId, tickets, policy, importId, at);
		const report: ImportReport = {
			status: 'imported', importId, preset, source: 'servicenow', rowsRead: mapped.rowsRead, tickets: tickets.length,
			...stored, rejected: 0, errors: [], rejectedRows: [], ignoredColumns: [], durationMs: 0
		};
		const fileName = file.startsWith('uci') ? `${file} (demo, moved to today; ${UCI_CREDIT})` : `${file} (demo, moved to today)`;
		await recordImport(tx, { id: importId, customerId, actor: SYSTEM_ACTOR, fileName, report, at });
	});
}

export async function loadDemoTickets(db: Db, customers: { id: string; name: string }[], now = Date.now()): Promise<void> {
	const norrby = customers.find((c) => c.name === 'Norrby kommun');
	const vatten = customers.find((c) => c.name.startsWith('Vattenbolaget'));
	if (norrby) await load(db, norrby.id, 'uci-incident-event-log-prefix-excel.csv', 'servicenow-display', 'CHG', now);
	if (vatten) await load(db, vatten.id, 'servicenow-incidents-raw-values.csv', 'servicenow-raw', 'CHG', now);
}
