/**
 * When the scale-out tests (several instances, Redis) run. Several instances
 * share one database, which is what PostgreSQL is for (one SQLite file is
 * one instance's), so they run in the PostgreSQL project of the suite
 * (TEST_DATABASE=postgres) and are skipped in the SQLite one. There they need
 * Redis: a developer machine without it skips them, CI (CI=true) never does,
 * so a missing Redis fails there instead of passing silently.
 */
import { spawnSync } from 'node:child_process';
import { onPostgres } from './test-db';

const onCi = process.env.CI === 'true';

/** true when scale-out tests using the shared test Redis (TEST_REDIS_URL) must run */
export const runsScaleOut = (): boolean => onPostgres() && (!!process.env.TEST_REDIS_URL || onCi);

/** the same for tests that start their own redis-server (to restart it) */
export const runsOwnRedis = (): boolean => onPostgres() && (spawnSync('redis-server', ['--version']).status === 0 || onCi);
