import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { DomainError } from '../../errors';
import { actor, CUSTOMER, itsmDb, OTHER } from '../test/itsm-db';
import { connectorsPage, requestSync, saveConnector } from './connectors.service';

let db: Db;
const KEY = process.env.SECRETS_KEY;
beforeEach(async () => {
	process.env.SECRETS_KEY = 'b'.repeat(64);
	db = await itsmDb();
});
afterEach(async () => {
	process.env.SECRETS_KEY = KEY;
	await db.destroy();
});

const form = (extra: Record<string, string> = {}) => ({ kind: 'servicenow', baseUrl: 'https://x.service-now.com/', username: 'u', secret: 's3cret', query: 'company=abc', ...extra });
const fields = async (p: Promise<unknown>) => {
	const err = await p.catch((e: unknown) => e);
	expect(err).toBeInstanceOf(DomainError);
	return Object.keys((err as DomainError).fields);
};
const connectors = async () => db.selectFrom('ticket_connectors').selectAll().execute();

describe('connector settings', () => {
	it('refuses bad input field by field and stores nothing', async () => {
		expect(await fields(saveConnector(db, actor, CUSTOMER, form({ baseUrl: 'http://x.service-now.com' })))).toEqual(['baseUrl']);
		expect(await fields(saveConnector(db, actor, CUSTOMER, form({ query: 'active=true^NQactive=false' })))).toEqual(['query']);
		expect(await fields(saveConnector(db, actor, CUSTOMER, form({ query: 'ORDERBYnumber' })))).toEqual(['query']);
		expect(await fields(saveConnector(db, actor, CUSTOMER, form({ kind: 'jira', query: 'project = X order by created' })))).toEqual(['query']);
		expect(await fields(saveConnector(db, actor, CUSTOMER, form({ secret: '' })))).toEqual(['secret']);
		expect(await fields(saveConnector(db, actor, CUSTOMER, form({ intervalMinutes: '2' })))).toEqual(['intervalMinutes']);
		expect(await fields(saveConnector(db, actor, CUSTOMER, form({ tables: 'Incident' })))).toEqual(['tables']);
		expect(await connectors()).toEqual([]);
	});

	it('seals the secret, never shows it, keeps it when left empty, and starts over when the query changes', async () => {
		await saveConnector(db, actor, CUSTOMER, form());
		const [row] = await connectors();
		expect(row).toMatchObject({ base_url: 'https://x.service-now.com', tables: '["incident","change_request"]', interval_minutes: 15 });
		expect(row.secret_sealed).not.toContain('s3cret');
		await db.updateTable('ticket_connectors').set({ watermark_ms: 1 }).execute();
		const page = await connectorsPage(db, actor, CUSTOMER);
		expect(JSON.stringify(page)).not.toContain('s3cret');
		expect(page.connectors.find((c) => c.kind === 'servicenow')).toMatchObject({ configured: true, secretSet: true });
		await saveConnector(db, actor, CUSTOMER, form({ secret: '', intervalMinutes: '30' }));
		expect((await connectors())[0]).toMatchObject({ secret_sealed: row.secret_sealed, watermark_ms: 1, interval_minutes: 30 });
		await saveConnector(db, actor, CUSTOMER, form({ secret: '', query: 'company=def' }));
		expect((await connectors())[0].watermark_ms).toBeNull();
	});

	it("another customer's connector is not found", async () => {
		await saveConnector(db, actor, CUSTOMER, form());
		await expect(requestSync(db, actor, OTHER, { kind: 'servicenow' })).rejects.toThrow(/Connector not found/);
		const other = { ...actor, personId: 'p', access: 'customer_admin' as const, customerId: OTHER };
		await expect(connectorsPage(db, other, CUSTOMER)).rejects.toThrow(/not found/);
	});
});
