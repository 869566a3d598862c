/** The stored sealed values, for key rotation (rotation.ts). No rules here. */
import type { Executor } from '$lib/server/db';

export const listTwoFactorSecrets = (db: Executor) => db.selectFrom('two_factor').select(['person_id', 'secret_sealed']).execute();

export const setTwoFactorSecret = (db: Executor, personId: string, sealed: string) =>
	db.updateTable('two_factor').set({ secret_sealed: sealed }).where('person_id', '=', personId).execute();

export const listProviderSecrets = (db: Executor) => db.selectFrom('identity_providers').select(['id', 'client_secret_sealed']).execute();

export const setProviderSecret = (db: Executor, id: string, sealed: string) =>
	db.updateTable('identity_providers').set({ client_secret_sealed: sealed }).where('id', '=', id).execute();

export const listConnectorSecrets = (db: Executor) => db.selectFrom('ticket_connectors').select(['id', 'secret_sealed']).execute();

export const setConnectorSecret = (db: Executor, id: string, sealed: string) =>
	db.updateTable('ticket_connectors').set({ secret_sealed: sealed }).where('id', '=', id).execute();

export const listOutboxPayloads = (db: Executor) => db.selectFrom('notification_outbox').select(['id', 'kind', 'status', 'payload']).execute();

export const setOutboxPayload = (db: Executor, id: string, payload: string) =>
	db.updateTable('notification_outbox').set({ payload }).where('id', '=', id).execute();
