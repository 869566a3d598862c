/**
 * What this instance reports to Prometheus besides Node's process metrics:
 * the shared documents it holds and its fan-out to the other instances.
 */
import type { Registry } from 'prom-client';
import type { App } from '../app';
import { instanceId } from '../redis/connection';
import { createMetricsRegistry, type MetricDefinition } from './metrics';

let registry: Registry | null = null;

/** The ticket connectors' runs on this instance, and the installation's connectors whose last run failed. */
function syncMetrics(app: App): MetricDefinition[] {
	const m = () => app.sync.metrics;
	return [
		{ name: 'ticket_sync_running', help: 'Connector runs under way on this instance', kind: 'gauge', read: () => m().running },
		{ name: 'ticket_sync_failing_connectors', help: 'Connectors whose last run failed (the error is on the connector page)', kind: 'gauge', read: () => m().failingConnectors },
		{ name: 'ticket_sync_runs_total', help: 'Connector runs finished on this instance', kind: 'counter', read: () => m().runs },
		{ name: 'ticket_sync_failed_runs_total', help: 'Connector runs that failed on this instance', kind: 'counter', read: () => m().failedRuns },
		{ name: 'ticket_sync_requests_total', help: 'Requests sent to ServiceNow and Jira by this instance', kind: 'counter', read: () => m().requests },
		{ name: 'ticket_sync_retries_total', help: 'Requests repeated after 429, 5xx or a network error', kind: 'counter', read: () => m().retries },
		{ name: 'ticket_sync_tickets_fetched_total', help: 'Tickets read from the sources', kind: 'counter', read: () => m().fetched },
		{ name: 'ticket_sync_tickets_created_total', help: 'Tickets a sync created', kind: 'counter', read: () => m().created },
		{ name: 'ticket_sync_tickets_updated_total', help: 'Tickets a sync changed', kind: 'counter', read: () => m().updated }
	];
}

export function appMetrics(app: App): Registry {
	if (registry) return registry;
	const collab = () => app.documents.metrics();
	const gauge = (name: string, help: string, read: () => number): MetricDefinition => ({ name, help, kind: 'gauge', read });
	const counter = (name: string, help: string, read: () => number): MetricDefinition => ({ name, help, kind: 'counter', read });
	registry = createMetricsRegistry(instanceId(), [
		gauge('collab_loaded_documents', 'Shared documents held in memory by this instance', () => collab().loadedDocuments),
		gauge('collab_subscribed_documents', 'Document channels this instance listens to in Redis', () => collab().subscribedDocuments),
		gauge('redis_connected', '1 when the Redis fan-out is connected (always 1 on a single instance)', () => (collab().redisConnected ? 1 : 0)),
		counter('collab_published_updates_total', 'Document updates published to the other instances', () => collab().publishedUpdates),
		counter('collab_received_updates_total', 'Document updates received from the other instances', () => collab().receivedUpdates),
		counter('collab_published_awareness_total', 'Presence updates published to the other instances', () => collab().publishedAwareness),
		counter('collab_received_awareness_total', 'Presence updates received from the other instances', () => collab().receivedAwareness),
		counter('collab_skipped_while_disconnected_total', 'Messages not published while Redis was down (healing brings them)', () => collab().skippedWhileDisconnected),
		counter('collab_dropped_malformed_total', 'Messages from Redis that did not decode (dropped and logged)', () => collab().droppedMalformed),
		counter('redis_reconnects_total', 'Times the Redis fan-out came back after an outage', () => collab().reconnects),
		counter('collab_minutes_read_in_thread_total', 'Minutes documents the projection read in its reader thread', () => collab().minutesReadInThread),
		counter('collab_minutes_read_in_process_total', 'Minutes documents read on the event loop because the reader thread was not to be had', () => collab().minutesReadInProcess),
		counter('collab_heal_checks_total', 'Documents compared with the database by state vector', () => collab().healChecks),
		counter('collab_healed_documents_total', 'Documents that lacked updates and were healed from the database', () => collab().healedDocuments),
		...syncMetrics(app)
	]);
	return registry;
}
