/** Saved column mappings for the generic preset. */
import { z } from 'zod';
import type { Db } from '$lib/server/db';
import type { Actor } from '../../actor';
import { recordAudit } from '../../audit/audit.repository';
import { notFound } from '../../errors';
import { newId, nowIso } from '../../ids';
import { authorize } from '../../policy';
import { findCustomer } from '../../tenancy/tenancy.repository';
import { parseInput, text } from '../../validation';
import { ColumnMapping } from './column-mapping';
import { listMappings, upsertMapping } from './saved-mappings.repository';

export const MappingInput = z.strictObject({ name: text(80), mapping: ColumnMapping });

export async function savedMappings(db: Db, actor: Actor, customerId: string) {
	authorize(actor, 'ticket.import', { customerId, kind: 'Customer' });
	return listMappings(db, customerId);
}

export async function saveMapping(db: Db, actor: Actor, customerId: string, input: unknown) {
	authorize(actor, 'ticket.import', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
	const m = parseInput(MappingInput, input);
	return db.transaction().execute(async (tx) => {
		const id = await upsertMapping(tx, { id: newId(), customerId, name: m.name, mapping: m.mapping, now: nowIso() });
		await recordAudit(tx, actor, { action: 'import_mapping.save', entity: 'import_mapping', entityId: id, customerId, after: m });
		return { id, ...m };
	});
}
