/**
 * Backup and restore (server/backup.ts, server/restore.ts): edit, back up the
 * running database while a client keeps editing, edit more, restore, and
 * check that exactly the state at the backup comes back, in the database
 * tables and in a shared document.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { meetingMinutesDoc } from '../../src/lib/realtime/doc-names';
import { ApiClient } from '../helpers/api-client';
import { collabFixture } from '../helpers/collab-fixtures';
import { connectClient, synced, type CollabClient } from '../helpers/collab-client';
import { startServer, type TestServer } from '../helpers/server';
import { onPostgres } from '../helpers/test-db';

const ROOT = resolve(import.meta.dirname, '../..');
const servers: TestServer[] = [];
const clients: CollabClient[] = [];

afterAll(async () => {
	for (const c of clients) c.destroy();
	for (const s of servers.reverse()) await s.stop().catch(() => {});
});

/** Runs `npm run <command> -- <file>` the way an operator would (without npm's own start-up cost). */
async function run(command: 'backup' | 'restore', file: string, databaseFile: string) {
	try {
		const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', `server/${command}.ts`, file], {
			cwd: ROOT,
			env: { ...process.env, DATABASE_URL: `sqlite:${databaseFile}` }
		});
		return { code: 0, out: stdout + stderr };
	} catch (err) {
		const e = err as { code: number; stdout: string; stderr: string };
		return { code: e.code, out: e.stdout + e.stderr };
	}
}

const customerNames = async (c: ApiClient) => ((await c.json('GET', '/api/v1/customers')).body.customers as { name: string }[]).map((x) => x.name);

// The embedded database's own backup; PostgreSQL is backed up with its own tools (docs/deployment.md).
describe.skipIf(onPostgres())('backup and restore', () => {
	it('backs up the running database consistently and restores exactly that', async () => {
		const first = await startServer({ demo: true });
		servers.push(first);
		const fx = await collabFixture(first);
		const name = meetingMinutesDoc(fx.meetingId);
		const writer = connectClient(first.url, name, fx.supplier.sessionCookie);
		clients.push(writer);
		await synced(writer);
		const items = writer.doc.getArray<string>('log');

		// Before the backup.
		expect((await fx.supplier.json('POST', '/api/v1/customers', { name: 'Före backup AB' })).status).toBe(201);
		for (let i = 0; i < 20; i++) items.push([`before-${i}`]);
		await writer.flush();

		// The backup, while the client keeps typing.
		let typing = true;
		const during = (async () => {
			for (let i = 0; typing; i++) {
				items.push([`during-${i}`]);
				await new Promise((r) => setTimeout(r, 5));
			}
		})();
		const file = join(first.dataDir, 'backup.db');
		const backup = await run('backup', file, first.databaseFile);
		typing = false;
		await during;
		await writer.flush();
		expect(backup.out).toMatch(/Backed up/);
		expect(backup.code).toBe(0);
		expect(existsSync(`${file}-wal`)).toBe(false);
		// Never overwrites.
		expect((await run('backup', file, first.databaseFile)).code).not.toBe(0);

		// After the backup.
		expect((await fx.supplier.json('POST', '/api/v1/customers', { name: 'Efter backup AB' })).status).toBe(201);
		for (let i = 0; i < 20; i++) items.push([`after-${i}`]);
		await writer.flush();

		// Not while the server holds the database.
		const refused = await run('restore', file, first.databaseFile);
		expect(refused.code).not.toBe(0);
		expect(refused.out).toMatch(/in use/);

		writer.destroy();
		await first.stop({ keepData: true });
		const restored = await run('restore', file, first.databaseFile);
		expect(restored.out).toMatch(/Restored/);
		expect(restored.code).toBe(0);

		const second = await startServer({ demo: true, dataDir: first.dataDir });
		servers.push(second);
		const admin = await new ApiClient(second.url).login('admin@itmastaren.example');
		const names = await customerNames(admin);
		expect(names).toContain('Före backup AB');
		expect(names).not.toContain('Efter backup AB');

		const reader = connectClient(second.url, name, admin.sessionCookie);
		clients.push(reader);
		await synced(reader);
		const content = reader.doc.getArray<string>('log').toArray();
		for (let i = 0; i < 20; i++) expect(content).toContain(`before-${i}`);
		expect(content.filter((x) => x.startsWith('after-'))).toEqual([]);
		// A consistent point in time: the edits made during the backup are a prefix of what was typed.
		const typed = content.filter((x) => x.startsWith('during-'));
		expect(typed).toEqual(typed.map((_, i) => `during-${i}`));
	}, 90_000);

	it('refuses a file that is not a Samverkan database', async () => {
		const res = await run('restore', join(ROOT, 'package.json'), join(ROOT, 'no-such-dir', 'x.db'));
		expect(res.code).not.toBe(0);
		expect(res.out).toMatch(/Not restoring/);
	});
});
