/** Row types of the database, as Kysely sees them. Mirrors `migrations/`. */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ItsmTables } from './itsm-schema';
import type { LifecycleTables } from './lifecycle-schema';
import type { AttendanceTables } from './attendance-schema';
import type { RoomTables } from './room-schema';
import type { PortalTables } from './portal-schema';
import type { OutboxTables } from '../domain/outbox/outbox.tables';
import type { MaterialTables } from './material-schema';
import type { SearchTables } from './search-schema';
import type { IdentityTables } from './identity-schema';
import type { AccountTables } from './accounts-schema';
import type { SyncTables } from './sync-schema';
import type { AgreementTables } from './agreement-schema';

// The domain's words (party, access, duty, meeting state) are defined once, in $lib/domain-types.
import type { Access, Duty, MeetingStatus, Party } from '$lib/domain-types';

export type ForumLevel = 'strategic' | 'tactical' | 'operational';

export interface SupplierTable {
	id: string;
	name: string;
	created_at: string;
}

export interface CustomersTable {
	id: string;
	name: string;
	org_number: string | null;
	created_at: string;
	updated_at: string;
}

export interface PeopleTable {
	id: string;
	customer_id: string | null;
	name: string;
	email: string;
	phone: string | null;
	title: string | null;
	access: Access;
	created_at: string;
	updated_at: string;
}

export interface AccountsTable {
	person_id: string;
	password_hash: string;
	disabled_at: string | null;
	last_login_at: string | null;
	created_at: string;
	updated_at: string;
}

export interface SessionsTable {
	id: string;
	person_id: string;
	created_at: string;
	expires_at: string;
	last_seen_at: string;
	/** how the person signed in: 'password', or 'oidc' (their organisation's identity provider); null before issue 17 */
	auth_method?: 'password' | 'oidc' | null;
	/** the browser's User-Agent when the session began (the sessions page's device) */
	user_agent: string | null;
}

export interface RolesTable {
	id: string;
	key: string;
	party: Party;
	name_sv: string;
	name_en: string;
	description_sv: string;
	description_en: string;
	sort_order: number;
	created_at: string;
	updated_at: string;
}

export interface RoleAssignmentsTable {
	id: string;
	customer_id: string;
	person_id: string;
	role_id: string;
	created_at: string;
}

export interface ForumTemplatesTable {
	id: string;
	key: string;
	level: ForumLevel;
	sort_order: number;
	definition: string;
	created_at: string;
	updated_at: string;
}

export interface ForumsTable {
	id: string;
	customer_id: string;
	template_id: string | null;
	level: ForumLevel;
	sort_order: number;
	name_sv: string;
	name_en: string;
	content: string;
	cadence_min_per_year: number | null;
	cadence_max_per_year: number | null;
	/** days after the meeting before those who have not approved its minutes are reminded, and again every as many (2026-12-06T1705) */
	approval_reminder_days: Generated<number>;
	/** decision material out this many days before a meeting; null: no rule */
	material_lead_days: number | null;
	created_at: string;
	updated_at: string;
}

export interface ForumMembersTable {
	forum_id: string;
	person_id: string;
	role_id: string | null;
	created_at: string;
}

export interface ForumDutiesTable {
	forum_id: string;
	duty: Duty;
	party: Party;
	person_id: string | null;
	updated_at: string;
}

export interface MeetingsTable {
	id: string;
	forum_id: string;
	customer_id: string;
	title: string;
	starts_at: string;
	ends_at: string;
	location: string | null;
	video_url: string | null;
	status: MeetingStatus;
	agenda_published_at: string | null;
	agenda_published_by: string | null;
	agenda_snapshot: string | null;
	started_at: string | null;
	started_by: string | null;
	ended_at: string | null;
	ended_by: string | null;
	approved_at: string | null;
	confirmed_at: string | null;
	confirmed_by: string | null;
	confirmed_in_meeting_id: string | null;
	cancelled_at: string | null;
	cancelled_by: string | null;
	cancel_reason: string | null;
	adjuster_person_id: string | null;
	current_item_id: string | null;
	current_item_started_at: string | null;
	created_by: string | null;
	created_at: string;
	updated_at: string;
}

export interface AuditLogTable {
	id: string;
	at: string;
	actor_id: string | null;
	actor_name: string | null;
	customer_id: string | null;
	action: string;
	entity: string;
	entity_id: string;
	before: string | null;
	after: string | null;
}

/** One per shared document: its state as of the last compaction. */
export interface CollabSnapshotsTable {
	doc_name: string;
	state: Uint8Array;
	updated_at: string;
}

/** What a shared document looked like when its tables were last projected, and by which projection version. */
export interface CollabProjectionsTable {
	doc_name: string;
	/** Y.encodeSnapshot (state vector and delete set) */
	snapshot: Uint8Array;
	version: number;
	projected_at: string;
}

/** Append-only log of Yjs updates since the snapshot; rows are deleted only by compaction. */
export interface CollabUpdatesTable {
	id: Generated<number>;
	doc_name: string;
	data: Uint8Array;
	created_at: string;
}

export interface Database
	extends ItsmTables,
		LifecycleTables,
		AttendanceTables,
		RoomTables,
		PortalTables,
		OutboxTables,
		MaterialTables,
		SearchTables,
		IdentityTables,
		AccountTables,
		SyncTables,
		AgreementTables {
	supplier: SupplierTable;
	customers: CustomersTable;
	people: PeopleTable;
	accounts: AccountsTable;
	sessions: SessionsTable;
	roles: RolesTable;
	role_assignments: RoleAssignmentsTable;
	forum_templates: ForumTemplatesTable;
	forums: ForumsTable;
	forum_members: ForumMembersTable;
	forum_duties: ForumDutiesTable;
	meetings: MeetingsTable;
	audit_log: AuditLogTable;
	collab_snapshots: CollabSnapshotsTable;
	collab_projections: CollabProjectionsTable;
	collab_updates: CollabUpdatesTable;
}

export type Customer = Selectable<CustomersTable>;
export type Person = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
export type PersonUpdate = Updateable<PeopleTable>;
export type Role = Selectable<RolesTable>;
export type ForumRow = Selectable<ForumsTable>;
export type Meeting = Selectable<MeetingsTable>;
