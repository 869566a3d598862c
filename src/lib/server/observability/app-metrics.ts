/**
 * What this instance reports to Prometheus besides Node's process metrics:
 * the shared documents it holds and its fan-out to the other instances.
 */
import type { Registry } from 'prom-client';
import type { App } from '../app';
import { instanceId } from '../redis/connection';
import { createMetricsRegistry, type MetricDefinition } from './metrics';

let registry: Registry | null = null;

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
		counter('collab_heal_checks_total', 'Documents compared with the database by state vector', () => collab().healChecks),
		counter('collab_healed_documents_total', 'Documents that lacked updates and were healed from the database', () => collab().healedDocuments)
	]);
	return registry;
}
