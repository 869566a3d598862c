/** Reads a customer's SLA settings, falling back to the defaults for what is not set. */
import type { Executor } from '$lib/server/db';
import type { BusinessHours } from './working-time';
import { DEFAULT_SETTINGS, type SlaDefinition, type SlaSettings } from './sla-settings';

export async function loadSlaSettings(db: Executor, customerId: string): Promise<SlaSettings> {
	const [row, defs] = await Promise.all([
		db.selectFrom('itsm_settings').selectAll().where('customer_id', '=', customerId).executeTakeFirst(),
		db.selectFrom('sla_definitions').selectAll().where('customer_id', '=', customerId).orderBy('priority').execute()
	]);
	return {
		timeZone: row?.time_zone ?? DEFAULT_SETTINGS.timeZone,
		businessHours: row ? (JSON.parse(row.business_hours) as BusinessHours) : DEFAULT_SETTINGS.businessHours,
		holidays: row ? row.holidays : DEFAULT_SETTINGS.holidays,
		pauseStatuses: row ? (JSON.parse(row.pause_statuses) as string[]) : DEFAULT_SETTINGS.pauseStatuses,
		definitions: defs.length
			? defs.map(
					(d): SlaDefinition => ({
						priority: d.priority as SlaDefinition['priority'],
						responseMinutes: d.response_minutes,
						resolutionMinutes: d.resolution_minutes,
						calendar: d.calendar === '24x7' ? '24x7' : 'business'
					})
				)
			: DEFAULT_SETTINGS.definitions
	};
}

export async function saveSlaSettings(db: Executor, customerId: string, s: SlaSettings, now: string): Promise<void> {
	const row = {
		customer_id: customerId,
		time_zone: s.timeZone,
		business_hours: JSON.stringify(s.businessHours),
		holidays: s.holidays,
		pause_statuses: JSON.stringify(s.pauseStatuses),
		updated_at: now
	};
	await db
		.insertInto('itsm_settings')
		.values(row)
		.onConflict((oc) => oc.column('customer_id').doUpdateSet(row))
		.execute();
	await db.deleteFrom('sla_definitions').where('customer_id', '=', customerId).execute();
	if (s.definitions.length) {
		await db
			.insertInto('sla_definitions')
			.values(
				s.definitions.map((d) => ({
					customer_id: customerId,
					priority: d.priority,
					response_minutes: d.responseMinutes,
					resolution_minutes: d.resolutionMinutes,
					calendar: d.calendar
				}))
			)
			.execute();
	}
}
