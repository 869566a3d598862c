/**
 * CSV import: authorize, read the file as a stream (csv-source.ts: gzip, size,
 * ratio, row and column limits), map every row as it arrives, and only when no
 * row is rejected upsert all tickets in one transaction. The report lists
 * every rejected row with its line and reasons; a rejected import changes
 * nothing. The work runs in short turns (cooperative.ts), so the server keeps
 * answering during a large import.
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
import { config } from '$lib/server/config';
import { loadSlaSettings } from '../sla/settings.repository';
import { slaPolicy } from '../sla/sla-settings';
import { prepareTickets, storePrepared } from '../store';
import type { TicketDraft } from '../ticket.types';
import { assemble } from './assemble';
import { readCsv, UnreadableFile, type CsvLimits } from './csv-source';
import { DATE_ORDERS, dateParser, isValidZone } from './dates';
import type { ImportReport, RejectedRow } from './import-report';
import { ColumnMapping } from './column-mapping';
import { genericPreset, PRESET_KEYS, PRESETS, type Preset } from './presets';
import { checkHeader, rowMapper, type HeaderCheck, type TicketEvent } from './row-to-ticket';
import { recordImport } from './imports.repository';
import { findMapping } from './saved-mappings.repository';

export const ImportOptions = z.strictObject({
	preset: z.enum(PRESET_KEYS),
	/** the source system's name, part of each ticket's key; defaults to the preset's */
	source: z
		.string()
		.trim()
		.regex(/^[a-z0-9][a-z0-9_.-]{0,39}$/, 'import.name_format')
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
	if (!mapping) throw invalid('The generic preset needs a column mapping (mapping or mappingId)', { mapping: 'field.required' });
	return genericPreset(mapping, o.source ?? 'csv');
}

/** The limits of an import, from the configuration (IMPORT_MAX_*). */
function importLimits(): CsvLimits {
	const c = config();
	return { maxBytes: c.IMPORT_MAX_BYTES, maxRatio: c.IMPORT_MAX_GZIP_RATIO, maxRows: c.IMPORT_MAX_ROWS, maxColumns: c.IMPORT_MAX_COLUMNS };
}

/** The report names at most this many ignored columns, each at most NAME_CHARS long: the body stays small. */
const MAX_IGNORED_LISTED = 50;
const NAME_CHARS = 100;

export interface MappedCsv {
	rowsRead: number;
	header: HeaderCheck;
	events: TicketEvent[];
	rejected: RejectedRow[];
	rejectedCount: number;
}

/**
 * Maps the rows of a CSV file as they arrive; pure apart from the clock.
 * A header the preset cannot read stops the reading there. Throws
 * UnreadableFile (csv-source.ts).
 */
// no actor: pure mapping of a CSV stream to tickets; importTickets authorizes ticket.import before it calls this (and the demo loader)
export async function mapCsv(
	source: AsyncIterable<Uint8Array>,
	preset: Preset,
	o: Pick<ImportOptions, 'source' | 'dateOrder' | 'timeZone'>,
	limits: CsvLimits = importLimits()
): Promise<MappedCsv> {
	const events: TicketEvent[] = [];
	const rejected: RejectedRow[] = [];
	let rejectedCount = 0;
	let rowsRead = 0;
	let header: HeaderCheck | null = null;
	let map: ReturnType<typeof rowMapper> | null = null;
	const parse = dateParser(o.dateOrder ?? preset.order, o.timeZone ?? preset.zone);
	reading: for await (const batch of readCsv(source, limits)) {
		for (const record of batch) {
			if (!map) {
				header = checkHeader(record.cells, preset);
				if (header.errors.length > 0) break reading;
				map = rowMapper(record.cells, preset, parse, o.source ?? preset.source);
				continue;
			}
			const r = map(record.cells, record.line, rowsRead++);
			if (r.ok) events.push(r.event);
			else {
				rejectedCount++;
				if (rejected.length < MAX_LISTED) rejected.push({ row: r.row, reasons: r.reasons });
			}
		}
	}
	const checked = header ?? { errors: ['The file has no header row'], ignored: [] };
	const ignored = checked.ignored.slice(0, MAX_IGNORED_LISTED).map((c) => (c.length > NAME_CHARS ? `${c.slice(0, NAME_CHARS)}…` : c));
	return { rowsRead, header: { errors: checked.errors, ignored }, events, rejected, rejectedCount };
}

export async function importCsv(
	db: Db,
	actor: Actor,
	customerId: string,
	file: AsyncIterable<Uint8Array>,
	input: unknown,
	limits: CsvLimits = importLimits()
): Promise<ImportReport> {
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
	let mapped: MappedCsv;
	try {
		mapped = await mapCsv(file, preset, o, limits);
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
	const tickets = (await assemble(mapped.events)).map((a) => a.draft);
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
	// the CPU work before the transaction: on SQLite it holds the one connection
	const prepared = await prepareTickets(tickets, policy);
	const importId = newId();
	let final: ImportReport = report;
	try {
		await db.transaction().execute(async (tx) => {
			const now = nowIso();
			const stored = await storePrepared(tx, customerId, prepared, importId, now);
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
