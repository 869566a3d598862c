/**
 * Demo tickets, real ones: Norrby kommun gets the first 890 incidents of the
 * UCI "Incident management process enriched event log" (a real ServiceNow
 * audit log: C. Amaral, M. Fantinato, S. Peres, UCI Machine Learning
 * Repository id 498, DOI 10.24432/C57S4H, CC BY 4.0); Vattenbolaget gets the
 * next 890 incidents of the same log and the 67 incidents of the ServiceNow
 * demo instance. Both get a few changes for the change KPIs.
 *
 * The log covers a few weeks, the demo a year: each incident keeps its own
 * course (durations, weekday and time of day, so business-hour SLAs stay as
 * they were) and is moved by whole weeks to a date spread over the twelve
 * months up to today (spreadOverYear), more densely in the last ten weeks, so
 * every meeting period of the demo (a month for the operational forum, two
 * weeks for the CAB) holds enough tickets for its figures to mean something,
 * and the month in progress has tickets. What would lie after today is cut
 * off: the ticket stands as it stood today (asOf).
 *
 * The files are read from ../shared/data (or ITSM_DEMO_DATA); without them the
 * demo simply has no tickets.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { DateTime } from 'luxon';
import { resolve } from 'node:path';
import type { Db } from '$lib/server/db';
import { SYSTEM_ACTOR } from '../domain/actor';
import { newId, nowIso } from '../domain/ids';
import { assemble } from '../domain/itsm/import/assemble';
import type { ImportReport } from '../domain/itsm/import/import-report';
import { mapCsv } from '../domain/itsm/import/ticket-import.service';
import { recordImport } from '../domain/itsm/import/imports.repository';
import { PRESETS } from '../domain/itsm/import/presets';
import { loadSlaSettings } from '../domain/itsm/sla/settings.repository';
import { slaPolicy } from '../domain/itsm/sla/sla-settings';
import { storeTickets } from '../domain/itsm/store';
import { DEFAULT_TIME_ZONE } from '../domain/time';
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

/** The latest moment of a ticket. */
const latestOf = (d: TicketDraft) => Math.max(d.openedAt, d.closedAt ?? 0, d.resolvedAt ?? 0, ...d.history.map((h) => h.at));

/** The ticket as it stood at `now`: what happened later is not known yet. */
export function asOf(d: TicketDraft, now: number): TicketDraft {
	if (latestOf(d) <= now) return d;
	const past = (v: number | null) => (v !== null && v <= now ? v : null);
	const history = d.history.filter((h) => h.at <= now);
	const last = history.at(-1);
	const resolvedAt = past(d.resolvedAt);
	return {
		...d,
		status: last?.status ?? 'new',
		statusRaw: last?.statusRaw ?? null,
		priority: last?.priority ?? d.priority,
		firstResponseAt: past(d.firstResponseAt),
		resolvedAt,
		closedAt: past(d.closedAt),
		sourceSlaMet: resolvedAt === null ? null : d.sourceSlaMet,
		history
	};
}

/** A stable number per ticket number (FNV-1a), to mix the order by. */
function mixed(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

/** The last RECENT_DAYS hold tickets RECENT_DENSITY times as densely as the months before (the CAB meets every other week). */
const RECENT_DAYS = 70;
const RECENT_DENSITY = 2.2;

/**
 * The demo's year: from the start of the month eleven months back (Stockholm
 * time) up to now, the twelve months the reports show by default.
 */
export const demoYearStart = (now: number): number =>
	DateTime.fromMillis(now, { zone: DEFAULT_TIME_ZONE }).startOf('month').minus({ months: 11 }).toMillis();

/**
 * Spreads incidents over the demo's year: the k-th goes to the k-th of evenly
 * spaced places of a density that is RECENT_DENSITY times as high in the last
 * RECENT_DAYS, moved by whole weeks (so it stays in the year) and cut at now. They are taken in an order mixed by number, not in order of
 * opening: a log of a few weeks stretched over a year would otherwise give
 * every week tickets of one weekday and hour only.
 */
export function spreadOverYear(drafts: TicketDraft[], now: number): TicketDraft[] {
	const start = demoYearStart(now);
	const days = (now - start) / DAY;
	const older = days - RECENT_DAYS;
	const weight = older + RECENT_DENSITY * RECENT_DAYS;
	return [...drafts]
		.sort((a, b) => mixed(a.number) - mixed(b.number) || a.number.localeCompare(b.number))
		.map((d, k) => {
			// place in "weighted days" from the start, then back to days
			const w = ((k + 0.5) / drafts.length) * weight;
			const target = start + (w <= older ? w : older + (w - older) / RECENT_DENSITY) * DAY;
			const weeks = Math.floor((target - d.openedAt) / WEEK);
			// the nearer of the two whole-week shifts around the target that keeps it in the year
			const shift =
				[weeks, weeks + 1]
					.map((n) => n * WEEK)
					.filter((sh) => d.openedAt + sh >= start && d.openedAt + sh <= now)
					.sort((a, b) => Math.abs(d.openedAt + a - target) - Math.abs(d.openedAt + b - target))[0] ?? weeks * WEEK;
			return asOf(shifted(d, shift), now);
		})
		.filter((d) => d.openedAt >= start && d.openedAt <= now);
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

/** The incidents of a CSV export, as drafts. */
async function incidents(csv: Uint8Array, preset: keyof typeof PRESETS) {
	const mapped = await mapCsv(bytesOf(csv), PRESETS[preset], {});
	return { rowsRead: mapped.rowsRead, drafts: (await assemble(mapped.events)).map((a) => a.draft) };
}

/** The file's bytes as the byte stream the import reads. */
async function* bytesOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
	yield bytes;
}

/**
 * Incidents `from`..`from + count` (in file order) of the full UCI log: its
 * header and the event rows of those incidents, as a CSV of its own.
 */
function uciSlice(path: string, from: number, count: number): Uint8Array {
	const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
	const picked = [lines[0]];
	let seen = 0;
	let current = '';
	for (let i = 1; i < lines.length && seen <= from + count; i++) {
		const number = lines[i].slice(0, lines[i].indexOf(','));
		if (number !== current) {
			current = number;
			seen++;
		}
		if (seen > from && seen <= from + count) picked.push(lines[i]);
	}
	return new TextEncoder().encode(picked.join('\n'));
}

interface DemoSource {
	file: string;
	preset: keyof typeof PRESETS;
	/** the incidents to take from it; the whole file when not given */
	slice?: { from: number; count: number };
}

async function load(db: Db, customerId: string, sources: DemoSource[], now: number) {
	const files = sources.filter((s) => existsSync(resolve(dataDir(), s.file)));
	if (files.length === 0) return;
	let rowsRead = 0;
	const drafts: TicketDraft[] = [];
	for (const s of files) {
		const path = resolve(dataDir(), s.file);
		const read = await incidents(s.slice ? uciSlice(path, s.slice.from, s.slice.count) : new Uint8Array(readFileSync(path)), s.preset);
		rowsRead += read.rowsRead;
		// one number is one ticket of the source system: a later file's incident with a number taken is left out
		const taken = new Set(drafts.map((d) => d.number));
		drafts.push(...read.drafts.filter((d) => !taken.has(d.number)));
	}
	const tickets = [...spreadOverYear(drafts, now), ...changes(now, 'CHG', 14)];
	const policy = slaPolicy(await loadSlaSettings(db, customerId));
	await db.transaction().execute(async (tx) => {
		const at = nowIso();
		const importId = newId();
		const stored = await storeTickets(tx, customerId, tickets, policy, importId, at);
		const preset = files[0].preset;
		const report: ImportReport = {
			status: 'imported', importId, preset, source: 'servicenow', rowsRead, tickets: tickets.length,
			...stored, rejected: 0, errors: [], rejectedRows: [], ignoredColumns: [], durationMs: 0
		};
		const names = files.map((s) => (s.slice ? `${s.file} (incidents ${s.slice.from + 1}–${s.slice.from + s.slice.count})` : s.file)).join(', ');
		const credit = files.some((s) => s.file.startsWith('uci')) ? `; ${UCI_CREDIT}` : '';
		await recordImport(tx, { id: importId, customerId, actor: SYSTEM_ACTOR, fileName: `${names} (demo, spread over the past year${credit})`, report, at });
	});
}

/** Norrby's incidents are the first of the UCI log; Vattenbolaget's the ones after them. */
const NORRBY_INCIDENTS = 890;

export async function loadDemoTickets(db: Db, customers: { id: string; name: string }[], now = Date.now()): Promise<void> {
	const norrby = customers.find((c) => c.name === 'Norrby kommun');
	const vatten = customers.find((c) => c.name.startsWith('Vattenbolaget'));
	if (norrby) await load(db, norrby.id, [{ file: 'uci-incident-event-log-prefix-excel.csv', preset: 'servicenow-display' }], now);
	if (vatten)
		await load(
			db,
			vatten.id,
			[
				{ file: 'uci-incident-event-log-full.csv.gz', preset: 'servicenow-display', slice: { from: NORRBY_INCIDENTS, count: 890 } },
				{ file: 'servicenow-incidents-raw-values.csv', preset: 'servicenow-raw' }
			],
			now
		);
}
