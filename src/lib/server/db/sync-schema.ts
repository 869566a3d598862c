/** Row types of the ticket connectors (migrations/2026-12-07T0210_ticket-sync.ts). */

export type ConnectorKind = 'servicenow' | 'jira';
export type ConnectorAuth = 'basic' | 'oauth' | 'token';
export type SyncRunStatus = 'running' | 'ok' | 'failed' | 'interrupted';

export interface TicketConnectorsTable {
	id: string;
	customer_id: string;
	kind: ConnectorKind;
	base_url: string;
	auth: ConnectorAuth;
	/** ServiceNow user name or OAuth client id; Jira e-mail */
	username: string;
	/** password, client secret or API token, sealed with SECRETS_KEY (crypto/secret-box.ts, purpose 'ticket-sync.secret') */
	secret_sealed: string;
	/** ServiceNow encoded query or Jira JQL selecting this customer's tickets */
	query: string;
	/** JSON list of ServiceNow tables or Jira issue types */
	tables: string;
	/** ServiceNow: 'raw' (sysparm_display_value=false) or 'display' */
	value_mode: 'raw' | 'display';
	interval_minutes: number;
	enabled: number;
	/** the source's updated time of the newest ticket read (epoch ms) */
	watermark_ms: number | null;
	next_run_at: string;
	/** "sync now": any instance's worker runs it at its next look */
	requested_at: string | null;
	last_run_at: string | null;
	last_status: SyncRunStatus | null;
	last_error: string | null;
	created_at: string;
	updated_at: string;
}

export interface TicketSyncRunsTable {
	id: string;
	connector_id: string;
	customer_id: string;
	trigger: 'schedule' | 'manual';
	status: SyncRunStatus;
	started_at: string;
	finished_at: string | null;
	requests: number;
	retries: number;
	fetched: number;
	created: number;
	updated: number;
	unchanged: number;
	rejected: number;
	error: string | null;
	watermark_from_ms: number | null;
	watermark_to_ms: number | null;
}

export interface WorkerLeasesTable {
	name: string;
	owner: string;
	expires_at: string;
}

export interface SyncTables {
	ticket_connectors: TicketConnectorsTable;
	ticket_sync_runs: TicketSyncRunsTable;
	worker_leases: WorkerLeasesTable;
}
