/** Row types of the ITSM tables (migrations/2026-11-28T1100_itsm.ts), as Kysely sees them. */

export interface TicketsTable {
	id: string;
	customer_id: string;
	source: string;
	source_id: string | null;
	number: string;
	kind: string;
	title: string | null;
	status_raw: string | null;
	status: string;
	priority_raw: string | null;
	priority: number | null;
	impact: string | null;
	urgency: string | null;
	category: string | null;
	service: string | null;
	channel: string | null;
	assignment_group: string | null;
	opened_at: string;
	first_response_at: string | null;
	resolved_at: string | null;
	closed_at: string | null;
	reopen_count: number;
	/** the last reopen (sla-engine reopenTime); null: never reopened */
	reopened_at: string | null;
	/** open → resolved in hours (MTTR); null while unresolved */
	resolution_hours: number | null;
	/** the source's open/closed flag (ServiceNow `active`): 1, 0 or null */
	active: number | null;
	reassignment_count: number;
	major_incident: number;
	source_sla_met: number | null;
	satisfaction: number | null;
	change_type: string | null;
	change_risk: string | null;
	cab_required: number | null;
	planned_start: string | null;
	planned_end: string | null;
	actual_start: string | null;
	actual_end: string | null;
	change_outcome: string | null;
	history: string;
	content_hash: string;
	resp_met_at: string | null;
	resp_breach_at: string | null;
	res_met_at: string | null;
	res_breach_at: string | null;
	/** when it became resolved, closed or cancelled; null while open */
	done_at: string | null;
	import_id: string | null;
	created_at: string;
	updated_at: string;
}

export interface SlaDailyTable {
	customer_id: string;
	metric: string;
	day: string;
	priority: number | null;
	flag: number | null;
	n: number;
}

/** The daily KPI aggregate (migrations/2026-12-06T1330_kpi-daily.ts, itsm/kpi/kpi-daily.repository.ts). */
export interface KpiDailyTable {
	customer_id: string;
	/** opened | resolved | reopened */
	event: string;
	/** yyyy-mm-dd (UTC) */
	day: string;
	kind: string;
	n: number;
	major: number;
	first_contact: number;
	reassigned: number;
	rated: number;
	satisfaction: number;
}

/** Resolved incidents per UTC day, priority and duration bucket, for MTTR (itsm/kpi/kpi-daily.repository.ts). */
export interface KpiMttrDailyTable {
	customer_id: string;
	day: string;
	priority: number;
	bucket: number;
	n: number;
	/** the sum of the open → resolved durations, whole milliseconds */
	ms: number;
}

export interface TicketImportsTable {
	id: string;
	customer_id: string;
	at: string;
	actor_id: string | null;
	actor_name: string | null;
	preset: string;
	source: string;
	file_name: string | null;
	rows_read: number;
	created: number;
	updated: number;
	unchanged: number;
	rejected: number;
	report: string;
}

export interface ImportMappingsTable {
	id: string;
	customer_id: string;
	name: string;
	mapping: string;
	created_at: string;
	updated_at: string;
}

export interface ApiTokensTable {
	id: string;
	customer_id: string;
	name: string;
	token_hash: string;
	scopes: string;
	created_by: string | null;
	created_at: string;
	last_used_at: string | null;
	revoked_at: string | null;
}

export interface ItsmSettingsTable {
	customer_id: string;
	time_zone: string;
	business_hours: string;
	holidays: string | null;
	pause_statuses: string;
	updated_at: string;
}

export interface SlaDefinitionsTable {
	customer_id: string;
	priority: number;
	response_minutes: number | null;
	resolution_minutes: number | null;
	calendar: string;
}

export interface KpiTargetsTable {
	customer_id: string;
	kpi: string;
	target: number;
	amber: number;
	higher_is_better: number;
}

export interface ManualKpisTable {
	id: string;
	customer_id: string;
	kpi: string;
	name: string;
	period_from: string;
	period_to: string;
	value: number;
	unit: string | null;
	note: string | null;
	entered_by: string | null;
	entered_at: string;
}

export interface ItsmTables {
	tickets: TicketsTable;
	sla_daily: SlaDailyTable;
	kpi_daily: KpiDailyTable;
	kpi_mttr_daily: KpiMttrDailyTable;
	ticket_imports: TicketImportsTable;
	import_mappings: ImportMappingsTable;
	api_tokens: ApiTokensTable;
	itsm_settings: ItsmSettingsTable;
	sla_definitions: SlaDefinitionsTable;
	kpi_targets: KpiTargetsTable;
	manual_kpis: ManualKpisTable;
}
