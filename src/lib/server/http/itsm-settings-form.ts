/**
 * The ITSM settings forms (SLA settings, KPI targets, API tokens) as service
 * input. Form fields are strings named after the service's input paths
 * (`definitions.0.responseMinutes`, `businessHours.1.from`,
 * `targets.2.amber`), so the field errors the service reports land on the
 * field that caused them. Only shapes: every rule stays in the services.
 */
import type { Db } from '../db';
import type { Actor } from '../domain/actor';
import { DomainError } from '../domain/errors';
import { setKpiTargets } from '../domain/itsm/kpi/kpi-targets.service';
import { updateSlaSettings } from '../domain/itsm/sla/sla-settings.service';
import { createToken, revokeToken } from '../domain/itsm/tokens/api-tokens.service';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const PRIORITIES = [1, 2, 3, 4, 5] as const;

/** '' is "no value" (null); anything else a number, NaN when it is none (the service says so). */
const numberOrNull = (v: string | undefined): number | null => {
	const s = (v ?? '').trim();
	return s === '' ? null : Number(s.replace(',', '.').replace(/\s/g, ''));
};

/** "08:30" → 510; a closing time of 00:00 is midnight at the end of the day (1440). */
function minutesOfDay(v: string | undefined, closing: boolean): number {
	const m = /^(\d{1,2}):(\d{2})$/.exec((v ?? '').trim());
	if (!m) return NaN;
	const total = Number(m[1]) * 60 + Number(m[2]);
	return closing && total === 0 ? 1440 : total;
}

export function slaSettingsInput(data: Record<string, string>) {
	return {
		timeZone: (data.timeZone ?? '').trim(),
		holidays: data.holidays ? data.holidays : null,
		pauseStatuses: (data.pauseStatuses ?? '')
			.split(/\r?\n/)
			.map((s) => s.trim())
			.filter(Boolean),
		businessHours: Object.fromEntries(
			WEEKDAYS.map((d) => [
				d,
				data[`businessHours.${d}.open`] ? [minutesOfDay(data[`businessHours.${d}.from`], false), minutesOfDay(data[`businessHours.${d}.to`], true)] : null
			])
		),
		definitions: PRIORITIES.map((p, i) => ({
			priority: p,
			responseMinutes: numberOrNull(data[`definitions.${i}.responseMinutes`]),
			resolutionMinutes: numberOrNull(data[`definitions.${i}.resolutionMinutes`]),
			calendar: data[`definitions.${i}.calendar`]
		}))
	};
}

export async function saveSlaSettingsFromForm(db: Db, actor: Actor, customerId: string, data: Record<string, string>) {
	await updateSlaSettings(db, actor, customerId, slaSettingsInput(data));
	return { saved: true };
}

/**
 * The KPI rows the form posted, without removed and blank ones, with the form
 * row each came from (to put an error back on the row the user sees).
 */
export function kpiTargetsInput(data: Record<string, string>) {
	const targets: { kpi: string; target: number | null; amber: number | null; higherIsBetter: boolean }[] = [];
	const rows: number[] = [];
	for (let i = 0; `targets.${i}.kpi` in data; i++) {
		const f = (name: string) => data[`targets.${i}.${name}`] ?? '';
		if (f('remove') || (!f('kpi').trim() && !f('target').trim() && !f('amber').trim())) continue;
		targets.push({ kpi: f('kpi'), target: numberOrNull(f('target')), amber: numberOrNull(f('amber')), higherIsBetter: f('higherIsBetter') === 'true' });
		rows.push(i);
	}
	return { input: { targets }, rows };
}

export async function saveKpiTargetsFromForm(db: Db, actor: Actor, customerId: string, data: Record<string, string>) {
	const { input, rows } = kpiTargetsInput(data);
	try {
		await setKpiTargets(db, actor, customerId, input);
	} catch (err) {
		if (!(err instanceof DomainError) || !Object.keys(err.fields).length) throw err;
		throw err.renameFields((k) => k.replace(/^targets\.(\d+)\./, (_, j: string) => `targets.${rows[Number(j)] ?? j}.`));
	}
	return { saved: true };
}

/** Back to the defaults: the customer's own targets are removed. */
export async function resetKpiTargets(db: Db, actor: Actor, customerId: string) {
	await setKpiTargets(db, actor, customerId, { targets: [] });
	return { reset: true };
}

/** Scopes are checkboxes named `scope.<scope>`. The secret is in this answer only. */
export async function createTokenFromForm(db: Db, actor: Actor, customerId: string, data: Record<string, string>) {
	const scopes = Object.keys(data)
		.filter((k) => k.startsWith('scope.') && data[k])
		.map((k) => k.slice('scope.'.length));
	const { token, secret } = await createToken(db, actor, customerId, { name: data.name ?? '', scopes });
	return { token: { id: token.id, name: token.name, scopes: token.scopes }, secret };
}

export async function revokeTokenFromForm(db: Db, actor: Actor, customerId: string, data: Record<string, string>) {
	await revokeToken(db, actor, customerId, data.tokenId ?? '');
	return { tokenId: data.tokenId ?? '' };
}
