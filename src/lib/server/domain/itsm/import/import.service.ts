/**
 * CSV import: authorize, read the file, map every row, and only when no row is
 * rejected upsert all tickets in one transaction. The report lists every
 * rejected row with its number and reasons; a rejected import changes nothing.
 */
import { z } from 'zod';
import type { Db } from '$lib/server/db';
import type { Actor } from '../../actor';
import { recordAudit } from '../../audit/audit.repository';
import { invalid, notFound } from '../../errors';
import { newId, nowIso } from '../../ids';
import { authorize } from '../../policy';
import { findCustomer } from '../../tenancy/tenancy.repository';
import { line, parseInput } from '../../validation';
import { loadSlaSettings } from '../sla/settings.repository';
import { slaPolicy } from '../sla/sla-settings';
import { storeTickets } from '../store';
import type { TicketDraft } from '../ticket.types';
import { assemble } from './assemble';
import { readCsv, UnreadableFile } from './csv-source';
import { DATE_ORDERS, dateParser, isValidZone } from './dates';
import type { ImportReport, RejectedRow } from './import-report';
import { ColumnMapping } from './mapping';
import { genericPreset, PRESET_KEYS, PRESETS, type Preset } from './presets';
import { checkHeader, rowMapper, type TicketEvent } from './row-mapper';
import { recordImport } from './imports.repository';
import { findMapping } from './mappings.repository';

export const ImportOptions = z.strictObject({
	preset: z.enum(PRESET_KEYS),
	/** the source system's name, part of each ticket's key; defaults to the preset's */
	source: z
		.string()
		.trim()
		.regex(/^[a-z0-9][a-z0-9_.-]{0,39}$/, 'Lower-case letters, digits, . _ -')
		.optional(),
	dateOrder: z.enum(DATE_ORDERS).optional(),
	timeZone: z
		.string()
		.trim()
		.refine((z) => isValidZone(z), 'Not a known time zone (e.g. Europe/Stockholm, UTC)')
		.optional(),
	/** generic preset: a mapping given inline … */
	mapping: ColumnMapping.optional(),
	/** … or the id of one saved for this customer */
	mappingId: z.uuid().optional(),
	fileName: line(200).optional(),
	/** check only: report what would happen, change nothing */
	dryRun: z.boolean().optional()
});
export type ImportOptions = z.infer<typeof ImportOptions>;

/** Stop listing rejected rows after this many (the count stays exact). */
const MAX_LISTED = 10_000;

async function presetFor(db: Db, customerId: string, o: ImportOptions): Promise<Preset> {
	if (o.preset !== 'generic') return PRESETS[o.preset];
	let mapping = o.mapping;
	if (!mapping && o.mappingId) {
		const saved = await findMapping(db, customerId, o.mappingId);
		if (!saved) throw notFound('Mapping');
		mapping = saved.mapping;
	}
	if (!mapping) throw invalid('The generic preset needs a column mapping (mapping or mappingId)', { mapping: 'Required' });
	return genericPreset(mapping, o.source ?? 'csv');
}

/** Maps the rows of a CSV file; pure apart from the clock. */
export function mapCsv(bytes: Uint8Array, preset: Preset, o: Pick<ImportOptions, 'source' | 'dateOrder' | 'timeZone'>) {
	const table = readCsv(bytes);
	const header = checkHeader(table.header, preset);
	const events: TicketEvent[] = [];
	const rejected: RejectedRow[] = [];
	let rejectedCount = 0;
	if (header.errors.length === 0) {
		const map = rowMapper(table.header, preset, dateParser(o.dateOrder ?? preset.order, o.timeZone ?? preset.zone), o.source ?? preset.source);
		for (let i = 0; i < table.rows.length; i++) {
			const r = map(table.rows[i], table.lines[i], i);
			if (r.ok) events.push(r.event);
			else {
				rejectedCount++;
				if (rejected.length < MAX_LISTED) rejected.push({ row: r.row, reasons: r.reasons });
			}
		}
	}
	return { rowsRead: table.rows.length, header, events, rejected, rejectedCount };
}

export async function importCsv(db: Db, actor: Actor, customerId: string, bytes: Uint8Array, input: unknown): Promise<ImportReport> {
	authorize(actor, 'ticket.import', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
	const o = parseInput(ImportOptions, input);
	const preset = await presetFor(db, customerId, o);
	const started = Date.now();
	const base: ImportReport = {
		status: 'rejected',
		importId: null,
		preset: o.preset,
		source: o.source ?? preset.source,
		rowsRead: 0,
		tickets: 0,
		created: 0,
		updated: 0,
		unchanged: 0,
		rejected: 0,
		errors: [],
		rejectedRows: [],
		ignoredColumns: [],
		durationMs: 0
	};
	let mapped: ReturnType<typeof mapCsv>;
	try {
		mapped = mapCsv(bytes, preset, o);
	} catch (err) {
		if (!(err instanceof UnreadableFile)) throw err;
		return { ...base, errors: [err.message], durationMs: Date.now() - started };
	}
	const report: ImportReport = {
		...base,
		rowsRead: mapped.rowsRead,
		rejected: mapped.rejectedCount,
		errors: mapped.header.errors,
		rejectedRows: mapped.rejected,
		ignoredColumns: mapped.header.ignored
	};
	if (report.errors.length > 0 || report.rejected > 0) return { ...report, durationMs: Date.now() - started };
	const tickets = assemble(mapped.events).map((a) => a.draft);
	return commit(db, actor, customerId, tickets, report, o.fileName ?? null, o.dryRun ?? false, started);
}

class DryRun extends Error {}

/** One transaction: tickets, the import record and the audit entry, or nothing. */
export async function commit(
	db: Db,
	actor: Actor,
	customerId: string,
	tickets: TicketDraft[],
	report: ImportReport,
	fileName: string | null,
	dryRun: boolean,
	started: number
): Promise<ImportReport> {
	const policy = slaPolicy(await loadSlaSettings(db, customerId));
	const importId = newId();
	let final: ImportReport = report;
	try {
		await db.transaction().execute(async (tx) => {
			const now = nowIso();
			const stored = await storeTickets(tx, customerId, tickets, policy, importId, now);
			final = { ...report, ...stored, tickets: tickets.length, status: dryRun ? 'checked' : 'imported', importId: dryRun ? null : importId };
			if (dryRun) throw new DryRun();
			final.durationMs = Date.now() - started;
			await recordImport(tx, { id: importId, customerId, actor, fileName, report: final, at: now });
			await recordAudit(tx, actor, {
				action: 'tickets.import',
				entity: 'ticket_import',
				entityId: importId,
				customerId,
				after: { preset: final.preset, source: final.source, fileName, rowsRead: final.rowsRead, created: final.created, updated: final.updated }
			});
		});
	} catch (err) {
		if (!(err instanceof DryRun)) throw err;
	}
	return { ...final, durationMs: Date.now() - started };
}
