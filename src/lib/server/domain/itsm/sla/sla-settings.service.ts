/**
 * Reading and changing a customer's SLA settings. A change recomputes the SLA
 * outcome of every ticket of the customer and its daily aggregate, in the same
 * transaction, so reports never mix old and new rules.
 */
import { z } from 'zod';
import type { Db, Executor } from '$lib/server/db';
import type { Actor } from '../../actor';
import { recordAudit } from '../../audit/audit.repository';
import { notFound } from '../../errors';
import { nowIso } from '../../ids';
import { authorize } from '../../policy';
import { findCustomer } from '../../tenancy/tenancy.repository';
import { parseInput, text } from '../../validation';
import { isValidZone } from '../import/dates';
import { authorizeItsmRead } from '../read-access';
import { fromRow } from '../ticket-row';
import { setSlaColumns, ticketPage } from '../tickets.repository';
import { loadSlaSettings, saveSlaSettings } from './settings.repository';
import { rebuildSlaDaily } from './sla-daily.repository';
import { computeSla } from './sla-engine';
import { HOLIDAY_COUNTRIES, slaPolicy, type SlaSettings } from './sla-settings';

const minutesOfDay = z.int('sla.hours').min(0, 'sla.hours').max(1440, 'sla.hours');
const day = z.tuple([minutesOfDay, minutesOfDay]).nullable();

export const SlaSettingsInput = z.strictObject({
	timeZone: z.string().refine(isValidZone, 'sla.time_zone'),
	businessHours: z.strictObject({ 1: day, 2: day, 3: day, 4: day, 5: day, 6: day, 7: day }).partial(),
	holidays: z.enum(HOLIDAY_COUNTRIES, 'sla.holidays').nullable(),
	pauseStatuses: z.array(text(80)).max(50),
	definitions: z
		.array(
			z.strictObject({
				priority: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
				responseMinutes: z.int('sla.minutes').min(1, 'sla.minutes').max(525_600, 'sla.minutes').nullable(),
				resolutionMinutes: z.int('sla.minutes').min(1, 'sla.minutes').max(525_600, 'sla.minutes').nullable(),
				calendar: z.enum(['business', '24x7'], 'sla.calendar')
			})
		)
		.max(5)
		.refine((d) => new Set(d.map((x) => x.priority)).size === d.length, 'sla.definition_duplicate')
});

/** The settings (targets per priority, business hours) are part of the SLA report: a member needs it granted (read-access.ts). */
export async function getSlaSettings(db: Db, actor: Actor, customerId: string): Promise<SlaSettings> {
	await authorizeItsmRead(db, actor, customerId, 'sla');
	return loadSlaSettings(db, customerId);
}

/** Recomputes every ticket's SLA columns with the customer's current settings. */
async function recomputeSla(db: Executor, customerId: string): Promise<number> {
	const policy = slaPolicy(await loadSlaSettings(db, customerId));
	let after = '';
	let n = 0;
	for (;;) {
		const page = await ticketPage(db, customerId, after, 1000);
		if (page.length === 0) break;
		for (const row of page) {
			const sla = computeSla(fromRow(row), policy);
			const iso = (v: number | null) => (v === null ? null : new Date(v).toISOString());
			await setSlaColumns(db, row.id, {
				resp_met_at: iso(sla.response.metAt),
				resp_breach_at: iso(sla.response.breachAt),
				res_met_at: iso(sla.resolution.metAt),
				res_breach_at: iso(sla.resolution.breachAt)
			});
		}
		n += page.length;
		after = page[page.length - 1].id;
	}
	await rebuildSlaDaily(db, customerId);
	return n;
}

export async function updateSlaSettings(db: Db, actor: Actor, customerId: string, input: unknown): Promise<SlaSettings> {
	authorize(actor, 'itsm.configure', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
	const s = parseInput(SlaSettingsInput, input) as SlaSettings;
	return db.transaction().execute(async (tx) => {
		const before = await loadSlaSettings(tx, customerId);
		await saveSlaSettings(tx, customerId, s, nowIso());
		const tickets = await recomputeSla(tx, customerId);
		await recordAudit(tx, actor, { action: 'sla_settings.update', entity: 'sla_settings', entityId: customerId, customerId, before, after: { ...s, ticketsRecomputed: tickets } });
		return loadSlaSettings(tx, customerId);
	});
}
