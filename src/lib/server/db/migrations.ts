/**
 * The migrations bundled into the app. Vite inlines the files of `migrations/`
 * at build time, so production needs no TypeScript loader to migrate.
 */
import type { Migration } from 'kysely';
import { migrationSetFromModules } from './migrator';

const modules = import.meta.glob<Migration>('/migrations/*.ts', { eager: true });

export const bundledMigrations = migrationSetFromModules(modules);
