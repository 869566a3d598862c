/**
 * The audit log in words: the event, its kind and every field name in the
 * reader's language (messages/audit), and the values that are codes (duties,
 * parties, access levels, reports, article audiences, yes/no) as words too. One table per
 * concept; the keys are typed with the server's registry (audit-events.ts),
 * so a new event or field does not compile without its words.
 */
import type { AuditAction, AuditField, AuditKind } from '$lib/server/domain/audit/audit-events';
import { ACCESS_LEVELS, DUTIES, type Access, type Duty } from '$lib/domain-types';
import { accessLabel } from '$lib/components/people/person';
import { dutyLabel } from '$lib/components/governance/duty-label';
import { formatDateTime } from '$lib/format';
import { formatMoney } from '$lib/number-format';
import { locale } from '$lib/i18n';
import { unitLabel } from '$lib/enum-labels';
import { m } from '$lib/paraglide/messages';

const EVENTS: Record<AuditAction, () => string> = {
	'person.create': m.audit_event_person_create,
	'person.update': m.audit_event_person_update,
	'invitation.send': m.audit_event_invitation_send,
	'invitation.revoke': m.audit_event_invitation_revoke,
	'invitation.accept': m.audit_event_invitation_accept,
	'password.reset_request': m.audit_event_password_reset_request,
	'password.reset': m.audit_event_password_reset,
	'two_factor.enable': m.audit_event_two_factor_enable,
	'two_factor.disable': m.audit_event_two_factor_disable,
	'two_factor.recovery_code_used': m.audit_event_two_factor_recovery_code_used,
	'session.end': m.audit_event_session_end,
	'session.end_others': m.audit_event_session_end_others,
	'calendar.feed.create': m.audit_event_calendar_feed_create,
	'calendar.feed.regenerate': m.audit_event_calendar_feed_regenerate,
	'calendar.feed.revoke': m.audit_event_calendar_feed_revoke,
	'role.assign': m.audit_event_role_assign,
	'role.unassign': m.audit_event_role_unassign,
	'duty.assign': m.audit_event_duty_assign,
	'meeting.duty.assign': m.audit_event_meeting_duty_assign,
	'report.grant': m.audit_event_report_grant,
	'api_token.create': m.audit_event_api_token_create,
	'api_token.revoke': m.audit_event_api_token_revoke,
	'forum.create': m.audit_event_forum_create,
	'forum.update': m.audit_event_forum_update,
	'forum.member.add': m.audit_event_forum_member_add,
	'forum.member.remove': m.audit_event_forum_member_remove,
	'action.escalate': m.audit_event_action_escalate,
	'meeting.schedule': m.audit_event_meeting_schedule,
	'meeting.agenda.publish': m.audit_event_meeting_agenda_publish,
	'meeting.agenda.republish': m.audit_event_meeting_agenda_republish,
	'outbox.resend': m.audit_event_outbox_resend,
	'meeting.start': m.audit_event_meeting_start,
	'meeting.end': m.audit_event_meeting_end,
	'meeting.cancel': m.audit_event_meeting_cancel,
	'meeting.attendance': m.audit_event_meeting_attendance,
	'meeting.adjuster.set': m.audit_event_meeting_adjuster_set,
	'minutes.approve': m.audit_event_minutes_approve,
	'minutes.addendum': m.audit_event_minutes_addendum,
	'minutes.confirm': m.audit_event_minutes_confirm,
	'material.upload': m.audit_event_material_upload,
	'material.upload.internal': m.audit_event_material_upload_internal,
	'cab.recommendation': m.audit_event_cab_recommendation,
	'kpi.enter': m.audit_event_kpi_enter,
	'kpi_targets.set': m.audit_event_kpi_targets_set,
	'sla_settings.update': m.audit_event_sla_settings_update,
	'notification_defaults.set': m.audit_event_notification_defaults_set,
	'identity_provider.update': m.audit_event_identity_provider_update,
	'identity_provider.remove': m.audit_event_identity_provider_remove,
	'identity.link': m.audit_event_identity_link,
	'import_mapping.save': m.audit_event_import_mapping_save,
	'tickets.import': m.audit_event_tickets_import,
	'ticket_connector.update': m.audit_event_ticket_connector_update,
	'ticket_connector.remove': m.audit_event_ticket_connector_remove,
	'agreement.amend': m.audit_event_agreement_amend,
	'agreement.propose': m.audit_event_agreement_propose,
	'agreement.proposal.accept': m.audit_event_agreement_proposal_accept,
	'agreement.proposal.decline': m.audit_event_agreement_proposal_decline,
	'agreement.tolerance': m.audit_event_agreement_tolerance,
	'invoices.import': m.audit_event_invoices_import,
	'tickets.remove_deleted_at_source': m.audit_event_tickets_remove_deleted_at_source,
	'kb.create': m.audit_event_kb_create,
	'kb.update': m.audit_event_kb_update,
	'customer.create': m.audit_event_customer_create,
	'role.update': m.audit_event_role_update
};

const KINDS: Record<AuditKind, () => string> = {
	people: m.audit_kind_people,
	roles: m.audit_kind_roles,
	duties: m.audit_kind_duties,
	reports: m.audit_kind_reports,
	tokens: m.audit_kind_tokens,
	forums: m.audit_kind_forums,
	meetings: m.audit_kind_meetings,
	figures: m.audit_kind_figures,
	settings: m.audit_kind_settings,
	agreement: m.audit_kind_agreement,
	knowledge: m.audit_kind_knowledge,
	installation: m.audit_kind_installation
};

const FIELDS: Record<AuditField, () => string> = {
	id: m.audit_field_id,
	customer_id: m.audit_field_customer_id,
	name: m.audit_field_name,
	email: m.audit_field_email,
	phone: m.audit_field_phone,
	title: m.audit_field_title,
	access: m.audit_field_access,
	account: m.audit_field_account,
	password: m.audit_field_password,
	disabled: m.audit_field_disabled,
	issuer: m.audit_field_issuer,
	subject: m.audit_field_subject,
	via: m.audit_field_via,
	clientId: m.audit_field_clientId,
	clientSecret: m.audit_field_clientSecret,
	domains: m.audit_field_domains,
	jit: m.audit_field_jit,
	jitAccess: m.audit_field_jitAccess,
	groupsClaim: m.audit_field_groupsClaim,
	groupAccess: m.audit_field_groupAccess,
	passwordSignIn: m.audit_field_passwordSignIn,
	expiresAt: m.audit_field_expiresAt,
	device: m.audit_field_device,
	sessions: m.audit_field_sessions,
	recoveryCodesLeft: m.audit_field_recoveryCodesLeft,
	person: m.audit_field_person,
	role: m.audit_field_role,
	name_sv: m.audit_field_name_sv,
	name_en: m.audit_field_name_en,
	description_sv: m.audit_field_description_sv,
	description_en: m.audit_field_description_en,
	template: m.audit_field_template,
	members: m.audit_field_members,
	purpose: m.audit_field_purpose,
	cadence: m.audit_field_cadence,
	materialLeadDays: m.audit_field_materialLeadDays,
	approvalReminderDays: m.audit_field_approvalReminderDays,
	kind: m.audit_field_kind,
	status: m.audit_field_status,
	material: m.audit_field_material,
	sha256: m.audit_field_sha256,
	duty: m.audit_field_duty,
	party: m.audit_field_party,
	to: m.audit_field_to,
	action: m.audit_field_action,
	startsAt: m.audit_field_startsAt,
	endsAt: m.audit_field_endsAt,
	location: m.audit_field_location,
	items: m.audit_field_items,
	adjuster: m.audit_field_adjuster,
	text: m.audit_field_text,
	confirmedIn: m.audit_field_confirmedIn,
	meetingId: m.audit_field_meetingId,
	earlyMinutes: m.audit_field_earlyMinutes,
	reason: m.audit_field_reason,
	change: m.audit_field_change,
	recommendation: m.audit_field_recommendation,
	rationale: m.audit_field_rationale,
	approve: m.audit_field_approve,
	reject: m.audit_field_reject,
	abstain: m.audit_field_abstain,
	quorumMet: m.audit_field_quorumMet,
	reports: m.audit_field_reports,
	scopes: m.audit_field_scopes,
	audience: m.audit_field_audience,
	version: m.audit_field_version,
	kpi: m.audit_field_kpi,
	periodFrom: m.audit_field_periodFrom,
	periodTo: m.audit_field_periodTo,
	value: m.audit_field_value,
	unit: m.audit_field_unit,
	note: m.audit_field_note,
	preset: m.audit_field_preset,
	source: m.audit_field_source,
	fileName: m.audit_field_fileName,
	rowsRead: m.audit_field_rowsRead,
	created: m.audit_field_created,
	updated: m.audit_field_updated,
	ticketsRecomputed: m.audit_field_ticketsRecomputed,
	numbers: m.audit_field_numbers,
	timeZone: m.audit_field_timeZone,
	businessHours: m.audit_field_businessHours,
	holidays: m.audit_field_holidays,
	pauseStatuses: m.audit_field_pauseStatuses,
	definitions: m.audit_field_definitions,
	mapping: m.audit_field_mapping,
	baseUrl: m.audit_field_baseUrl,
	auth: m.audit_field_auth,
	username: m.audit_field_username,
	query: m.audit_field_query,
	tables: m.audit_field_tables,
	intervalMinutes: m.audit_field_intervalMinutes,
	enabled: m.audit_field_enabled,
	secretChanged: m.audit_field_secretChanged,
	effectiveFrom: m.audit_field_effectiveFrom,
	changes: m.audit_field_changes,
	decision: m.audit_field_decision,
	tolerance: m.audit_field_tolerance,
	orgNumber: m.audit_field_orgNumber
};

const has = <K extends string>(table: Record<K, unknown>, key: string): key is K => Object.hasOwn(table, key);

/** "Ansvar i möte omfördelat" for meeting.duty.assign; an unknown key as it is. */
export const eventLabel = (action: string): string => (has(EVENTS, action) ? EVENTS[action]() : action);

export const kindLabel = (kind: string): string => (has(KINDS, kind) ? KINDS[kind]() : kind);

/** "E-post" for email; other keys (person names in an attendance entry) as they are. */
export const fieldLabel = (field: string): string => (has(FIELDS, field) ? FIELDS[field]() : field);

const REPORTS: Record<string, () => string> = { sla: m.portal_report_sla, cases: m.portal_report_cases, meetings: m.portal_report_meetings, agreement: m.portal_report_agreement };
const PARTY_LABELS: Record<string, () => string> = { supplier: m.party_supplier, customer: m.party_customer };
const TEMPLATES: Record<string, () => string> = {
	cab: m.audit_value_template_cab,
	operational: m.audit_value_template_operational,
	tactical: m.audit_value_template_tactical,
	security: m.audit_value_template_security,
	strategic: m.audit_value_template_strategic
};
const AUDIENCES: Record<string, () => string> = { users: m.portal_audience_users, admins: m.portal_audience_admins, internal: m.portal_audience_internal };

/** A value of a field in words where it is a code; undefined when the field has no words for it. */
export function valueInWords(field: string, value: unknown): string | undefined {
	if (typeof value === 'boolean') return value ? m.audit_value_yes() : m.audit_value_no();
	if (field === 'reports' && Array.isArray(value)) return value.map((r) => (typeof r === 'string' && REPORTS[r] ? REPORTS[r]() : String(r))).join(', ') || '—';
	if (field === 'changes' && Array.isArray(value)) return value.map(serviceChangeInWords).join('; ') || '—';
	if (typeof value !== 'string') return undefined;
	if (field === 'unit') return unitLabel(value);
	if (field === 'duty' && (DUTIES as readonly string[]).includes(value)) return dutyLabel(value as Duty);
	if (field === 'party' && PARTY_LABELS[value]) return PARTY_LABELS[value]();
	if (field === 'audience' && AUDIENCES[value]) return AUDIENCES[value]();
	if (field === 'template' && TEMPLATES[value]) return TEMPLATES[value]();
	if (field === 'access' && (ACCESS_LEVELS as readonly string[]).includes(value)) return accessLabel(value as Access);
	if (field === 'password' && value === 'changed') return m.audit_value_changed();
	if ((field === 'startsAt' || field === 'endsAt') && !Number.isNaN(Date.parse(value))) return formatDateTime(value);
	return undefined;
}

/** One service change of an agreement amendment: the new service's name, the volume in its unit, the unit price. */
function serviceChangeInWords(change: unknown): string {
	const c = (change ?? {}) as { service?: { name?: string; unit?: string }; volume?: number; unitPriceOre?: number; active?: boolean };
	return [
		c.service?.name,
		c.volume !== undefined ? `${c.volume}${c.service?.unit ? ` ${unitLabel(c.service.unit)}` : ''}` : undefined,
		c.unitPriceOre !== undefined ? formatMoney(c.unitPriceOre, locale()) : undefined,
		c.active === false ? m.audit_value_no() : undefined
	]
		.filter((part) => part !== undefined && part !== '')
		.join(' · ');
}
