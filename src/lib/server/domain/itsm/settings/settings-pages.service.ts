/**
 * What the settings pages of a customer's ITSM (SLA targets, KPI targets, API
 * tokens) read. Reading the settings for editing needs the right to change
 * them (`itsm.configure`, `token.manage`), not only the right to read the SLA
 * report: the pages are for whoever configures, and everyone else gets the same
 * answer as for the change itself (404 outside one's customer, 403 inside it).
 * The changes go through the services of each setting unchanged.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '../../actor';
import { notFound } from '../../errors';
import { authorize, can, TOKEN_SCOPES, type TokenScope } from '../../policy';
import { findCustomer } from '../../tenancy/tenancy.repository';
import { loadTargets } from '../kpi/kpi-targets.service';
import type { KpiTarget } from '../kpi/kpi-targets';
import { loadSlaSettings } from '../sla/settings.repository';
import type { SlaSettings } from '../sla/sla-settings';
import { listTokens, type ApiTokenView } from '../tokens/api-tokens.service';

export interface SettingsAccess {
	sla: boolean;
	kpi: boolean;
	tokens: boolean;
}

/** Which settings pages the actor may open for this customer (for links and tabs; each page checks again). */
export function settingsAccess(actor: Actor, customerId: string): SettingsAccess {
	const configure = can(actor, 'itsm.configure', { customerId });
	return { sla: configure, kpi: configure, tokens: can(actor, 'token.manage', { customerId }) };
}

async function configurable(db: Db, actor: Actor, customerId: string): Promise<void> {
	authorize(actor, 'itsm.configure', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
}

/** The SLA settings as the edit form shows them (the defaults until the customer has its own). */
export async function slaSettingsForEdit(db: Db, actor: Actor, customerId: string): Promise<SlaSettings> {
	await configurable(db, actor, customerId);
	return loadSlaSettings(db, customerId);
}

/** The KPI targets as the edit form shows them: the customer's own, then the defaults. */
export async function kpiTargetsForEdit(db: Db, actor: Actor, customerId: string): Promise<KpiTarget[]> {
	await configurable(db, actor, customerId);
	return loadTargets(db, customerId);
}

/** The customer's tokens (never a secret or hash) and the scopes a new one may get. */
export async function tokensForAdmin(db: Db, actor: Actor, customerId: string): Promise<{ tokens: ApiTokenView[]; scopes: TokenScope[] }> {
	const tokens = await listTokens(db, actor, customerId);
	return { tokens, scopes: Object.keys(TOKEN_SCOPES) as TokenScope[] };
}

/** The first settings page the actor may open: 404 outside its customer, 403 when it may open none. */
export async function firstSettingsPage(db: Db, actor: Actor, customerId: string): Promise<'sla' | 'tokens'> {
	const access = settingsAccess(actor, customerId);
	if (access.sla) await configurable(db, actor, customerId);
	else authorize(actor, 'token.manage', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
	return access.sla ? 'sla' : 'tokens';
}
