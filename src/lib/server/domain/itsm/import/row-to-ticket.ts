/**
 * Reads one CSV row into a ticket event with the preset's rules. Every problem
 * of the row is collected (not just the first), so the report can list them.
 */
import type { Priority, StatusCategory, TicketDraft } from '../ticket.types';
import type { DateParser } from './dates';
import { fieldColumns, STATUS_JOIN, type MappableField } from './column-mapping';
import { bool, changeOutcome, changeType } from './normalize';
import type { Preset } from './presets';

/** One row: the ticket as of that row, plus its place among the ticket's updates. */
export interface TicketEvent {
	row: number;
	/** file order, the last tie-breaker */
	seq: number;
	version: number | null;
	eventAt: number | null;
	ticket: Omit<TicketDraft, 'history'>;
}

export type RowResult = { ok: true; event: TicketEvent } | { ok: false; row: number; reasons: string[] };

export interface HeaderCheck {
	/** human-readable problems with the header; the import stops when there are any */
	errors: string[];
	/** columns of the file no field reads */
	ignored: string[];
}

type Index = Map<string, number[]>;

/** A cell quoted in a reason, cut to 80 characters: 10,000 listed rows of huge cells would make a huge report. */
export function quoted(v: string | null): string {
	const text = v ?? '';
	return `"${text.length > 80 ? `${text.slice(0, 80)}…` : text}"`;
}

function indexHeader(header: string[]): Index {
	const index: Index = new Map();
	header.forEach((h, i) => {
		const list = index.get(h) ?? [];
		list.push(i);
		index.set(h, list);
	});
	return index;
}

/** The column indexes a field reads: all columns of the first alternative present in the file. */
function resolve(index: Index, preset: Preset, field: MappableField): number[] {
	const names = fieldColumns(preset.mapping, field);
	if (field === 'status' && preset.mapping.statusJoin) return names.flatMap((n) => index.get(n) ?? []);
	for (const n of names) {
		const at = index.get(n);
		if (at) return at;
	}
	return [];
}

export function checkHeader(header: string[], preset: Preset): HeaderCheck {
	const index = indexHeader(header);
	const errors: string[] = [];
	for (const field of preset.required) {
		if (resolve(index, preset, field).length === 0) {
			errors.push(`Missing column ${fieldColumns(preset.mapping, field).join(' or ')} (${field}): is this the right preset?`);
		}
	}
	// a saved mapping must not name columns the file lacks: that is a typo or the wrong file
	if (preset.key === 'generic') {
		for (const [field, cols] of Object.entries(preset.mapping.columns)) {
			for (const c of Array.isArray(cols) ? cols : [cols]) {
				if (!index.has(c)) errors.push(`Unknown column "${c}" (mapped to ${field}): the file has no such column`);
			}
		}
	}
	const used = new Set<number>();
	for (const f of Object.keys(preset.mapping.columns) as MappableField[]) for (const i of resolve(index, preset, f)) used.add(i);
	const ignored = header.filter((_, i) => !used.has(i));
	return { errors, ignored };
}

export function rowMapper(header: string[], preset: Preset, parseDate: DateParser, source: string) {
	const index = indexHeader(header);
	const missing = new Set(['', ...(preset.mapping.missing ?? [])]);
	const cols = {} as Record<MappableField, number[]>;
	for (const f of Object.keys(preset.mapping.columns) as MappableField[]) cols[f] = resolve(index, preset, f);
	const hasEventAt = (cols.eventAt ?? []).length > 0;
	// a log repeats the same few statuses and priorities: classify each text once
	const memo = <T>(fn: (raw: string) => T) => {
		const cache = new Map<string, T>();
		return (raw: string): T => {
			if (cache.has(raw)) return cache.get(raw) as T;
			const v = fn(raw);
			cache.set(raw, v);
			return v;
		};
	};
	const statusOf = memo(preset.status);
	const priorityOf = memo(preset.priority);

	return (cells: string[], row: number, seq: number): RowResult => {
		const reasons: string[] = [];
		/** first non-missing value of a field, or null */
		const get = (f: MappableField): string | null => {
			for (const i of cols[f] ?? []) {
				const v = cells[i];
				if (v !== undefined && !missing.has(v.trim())) return v.trim();
			}
			return null;
		};
		const all = (f: MappableField): string[] =>
			(cols[f] ?? []).map((i) => cells[i]?.trim() ?? '').filter((v) => !missing.has(v));
		const date = (f: MappableField): number | null => {
			const v = get(f);
			if (v === null) return null;
			const ms = parseDate(v);
			if (ms === null) reasons.push(`${f}: ${quoted(v)} is not a date in the chosen format`);
			return ms;
		};
		const int = (f: MappableField): number | null => {
			const v = get(f);
			if (v === null) return null;
			if (!/^-?\d+$/.test(v)) {
				reasons.push(`${f}: ${quoted(v)} is not a whole number`);
				return null;
			}
			return Number(v);
		};
		const flag = (f: MappableField): boolean | null => {
			const v = get(f);
			if (v === null) return null;
			const b = bool(v);
			if (b === undefined) reasons.push(`${f}: ${quoted(v)} is not true or false`);
			return b ?? null;
		};

		const number = get('number');
		if (number === null) reasons.push('number: missing');

		let status: StatusCategory = 'new';
		let statusRaw: string | null = null;
		const rawStatus = preset.mapping.statusJoin ? all('status').join(STATUS_JOIN) || null : get('status');
		if (rawStatus !== null) {
			const s = statusOf(rawStatus);
			if (s === undefined) reasons.push(`status: unknown status ${quoted(rawStatus)}`);
			else [statusRaw, status] = s;
		}

		const priorityRaw = get('priority');
		let priority: Priority | null = null;
		if (priorityRaw !== null) {
			const p = priorityOf(priorityRaw);
			if (p === undefined) reasons.push(`priority: unknown priority ${quoted(priorityRaw)}`);
			else priority = p;
		}

		const eventAt = date('eventAt');
		let openedAt = date('openedAt');
		if (openedAt === null && !hasEventAt && !reasons.some((r) => r.startsWith('openedAt'))) reasons.push('openedAt: missing');
		openedAt ??= eventAt;

		const satisfactionRaw = get('satisfaction');
		let satisfaction: number | null = null;
		if (satisfactionRaw !== null) {
			satisfaction = Number(satisfactionRaw.replace(',', '.'));
			if (!Number.isFinite(satisfaction)) {
				reasons.push(`satisfaction: ${quoted(satisfactionRaw)} is not a number`);
				satisfaction = null;
			}
		}

		const kind = preset.kind(get('kind'), number ?? '');
		if (kind === undefined) reasons.push(`kind: unknown ticket type ${quoted(get('kind'))}`);

		const labels = all('labels').map((l) => l.toLowerCase());
		const major = get('majorIncident');
		const resolution = get('resolution');
		const fields = {
			firstResponseAt: date('firstResponseAt'),
			resolvedAt: date('resolvedAt'),
			closedAt: date('closedAt'),
			plannedStart: date('plannedStart'),
			plannedEnd: date('plannedEnd'),
			actualStart: date('actualStart'),
			actualEnd: date('actualEnd'),
			reopenCount: int('reopenCount') ?? 0,
			reopenedAt: date('reopenedAt'),
			active: flag('active'),
			reassignmentCount: int('reassignmentCount') ?? 0,
			version: int('version'),
			sourceSlaMet: flag('sourceSlaMet'),
			cabRequired: flag('cabRequired')
		};
		if (reasons.length > 0 || number === null || openedAt === null || kind === undefined) return { ok: false, row, reasons };

		// Jira puts "Won't Do" or "Declined" in Resolution while the status is just "Done"
		if ((status === 'resolved' || status === 'closed') && resolution && /won.?t|declin|cancel|duplicate/i.test(resolution)) status = 'cancelled';

		const ct = get('changeType');
		const co = get('changeOutcome');
		return {
			ok: true,
			event: {
				row,
				seq,
				version: fields.version,
				eventAt,
				ticket: {
					source,
					sourceId: get('sourceId'),
					number,
					kind,
					title: get('title'),
					statusRaw,
					status,
					priorityRaw,
					priority,
					impact: get('impact'),
					urgency: get('urgency'),
					category: get('category'),
					service: get('service'),
					channel: get('channel'),
					assignmentGroup: get('assignmentGroup'),
					openedAt,
					firstResponseAt: fields.firstResponseAt,
					resolvedAt: fields.resolvedAt,
					closedAt: fields.closedAt,
					reopenCount: fields.reopenCount,
					// only when the file has them: the content hash of other sources' tickets stays as it was
					...(fields.reopenedAt !== null && { reopenedAt: fields.reopenedAt }),
					...(fields.active !== null && { active: fields.active }),
					reassignmentCount: fields.reassignmentCount,
					majorIncident: (major !== null && /accepted|true|yes|major/i.test(major)) || labels.some((l) => /major/.test(l)),
					sourceSlaMet: fields.sourceSlaMet,
					satisfaction,
					changeType: kind === 'change' && ct ? changeType(ct) : null,
					changeRisk: kind === 'change' ? get('changeRisk') : null,
					cabRequired: kind === 'change' ? fields.cabRequired : null,
					plannedStart: fields.plannedStart,
					plannedEnd: fields.plannedEnd,
					actualStart: fields.actualStart,
					actualEnd: fields.actualEnd,
					changeOutcome: kind === 'change' && co ? changeOutcome(co) : null
				}
			}
		};
	};
}
