/**
 * Global setup of the PostgreSQL run: builds the demo installation once, into
 * a template database, by starting the real server with --demo against it.
 * Each test server then gets a copy (CREATE DATABASE … TEMPLATE …, a file
 * copy inside PostgreSQL) instead of loading the demo over the network again:
 * the same data, in a fraction of the time. The template is per run, so runs
 * sharing one PostgreSQL server do not disturb each other.
 */
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { startServer } from './server';
import { adminQuery, databaseUrlNamed } from './test-db';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const name = `samverkan_tpl_${randomBytes(5).toString('hex')}`;
	await adminQuery(`create database ${name}`);
	const url = databaseUrlNamed(name);
	const server = await startServer({ demo: true, databaseUrl: url });
	await server.stop();
	project.provide('pgDemoTemplate', name);
	return async () => {
		await adminQuery(`drop database if exists ${name} with (force)`);
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		/** the PostgreSQL run's demo template database (pg-template.setup.ts) */
		pgDemoTemplate?: string;
	}
}
