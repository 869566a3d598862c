/**
 * Every kind of event the audit log can hold: one entry per key that
 * `recordAudit` may write (its `action` is typed with these keys, so a new key
 * cannot be written without being listed here, and then labelled in
 * messages/audit and `$lib/audit-labels`).
 *
 * `kind` groups events for the filters; `customer` says whether the event is
 * one of "the customer's changes" that the customer's own admin may read
 * (docs/decisions.md, "Audit log in words"). Everything else (SLA and KPI
 * settings, imports, knowledge-base articles, the installation's catalogue) is
 * the supplier's own business and reaches supplier admins only.
 */
export const AUDIT_KINDS = ['people', 'roles', 'duties', 'reports', 'tokens', 'forums', 'meetings', 'figures', 'settings', 'agreement', 'knowledge', 'installation'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

interface AuditEventMeta {
	kind: AuditKind;
	/** shown to the customer's admin in their own customer's audit view */
	customer: boolean;
	/** before/after are keyed by person names, not field names (attendance) */
	keyedByName?: boolean;
}

export const AUDIT_EVENTS = {
	'person.create': { kind: 'people', customer: true },
	'person.update': { kind: 'people', customer: true },
	// local accounts (issue 17): invitations, password reset, two-factor sign-in, sessions
	'invitation.send': { kind: 'people', customer: true },
	'invitation.revoke': { kind: 'people', customer: true },
	'invitation.accept': { kind: 'people', customer: true },
	'password.reset_request': { kind: 'people', customer: true },
	'password.reset': { kind: 'people', customer: true },
	'two_factor.enable': { kind: 'people', customer: true },
	'two_factor.disable': { kind: 'people', customer: true },
	'two_factor.recovery_code_used': { kind: 'people', customer: true },
	'session.end': { kind: 'people', customer: true },
	'session.end_others': { kind: 'people', customer: true },
	'calendar.feed.create': { kind: 'people', customer: true },
	'calendar.feed.regenerate': { kind: 'people', customer: true },
	'calendar.feed.revoke': { kind: 'people', customer: true },
	'role.assign': { kind: 'roles', customer: true },
	'role.unassign': { kind: 'roles', customer: true },
	'duty.assign': { kind: 'duties', customer: true },
	'meeting.duty.assign': { kind: 'duties', customer: true },
	'report.grant': { kind: 'reports', customer: true },
	'api_token.create': { kind: 'tokens', customer: true },
	'api_token.revoke': { kind: 'tokens', customer: true },
	'forum.create': { kind: 'forums', customer: true },
	'forum.update': { kind: 'forums', customer: true },
	'forum.member.add': { kind: 'forums', customer: true },
	'forum.member.remove': { kind: 'forums', customer: true },
	'action.escalate': { kind: 'forums', customer: true },
	'meeting.schedule': { kind: 'meetings', customer: true },
	'meeting.agenda.publish': { kind: 'meetings', customer: true },
	'meeting.agenda.republish': { kind: 'meetings', customer: true },
	'outbox.resend': { kind: 'meetings', customer: true },
	'meeting.start': { kind: 'meetings', customer: true },
	'meeting.end': { kind: 'meetings', customer: true },
	'meeting.cancel': { kind: 'meetings', customer: true },
	'meeting.attendance': { kind: 'meetings', customer: true, keyedByName: true },
	'meeting.adjuster.set': { kind: 'meetings', customer: true },
	'minutes.approve': { kind: 'meetings', customer: true },
	'minutes.addendum': { kind: 'meetings', customer: true },
	'minutes.confirm': { kind: 'meetings', customer: true },
	'material.upload': { kind: 'meetings', customer: true },
	// supplier-internal material: its name is not the customer's to read
	'material.upload.internal': { kind: 'meetings', customer: false },
	'cab.recommendation': { kind: 'meetings', customer: true },
	'kpi.enter': { kind: 'figures', customer: true },
	'kpi_targets.set': { kind: 'settings', customer: false },
	'sla_settings.update': { kind: 'settings', customer: false },
	// how the customer's people are told: one of the customer's own changes about its people
	'notification_defaults.set': { kind: 'people', customer: true },
	// sign-in with the organisation's own identity provider: how the customer's people sign in (its admin sets it up)
	'identity_provider.update': { kind: 'people', customer: true },
	'identity_provider.remove': { kind: 'people', customer: true },
	'identity.link': { kind: 'people', customer: true },
	'import_mapping.save': { kind: 'settings', customer: false },
	'tickets.import': { kind: 'settings', customer: false },
	// ticket connectors (ServiceNow, Jira): the supplier's own set-up
	'ticket_connector.update': { kind: 'settings', customer: false },
	'ticket_connector.remove': { kind: 'settings', customer: false },
	// the agreement (issue 22): its amendments and the contract owner's proposals are both sides' business;
	// invoice imports, like ticket imports, are the supplier's
	'agreement.amend': { kind: 'agreement', customer: true },
	'agreement.propose': { kind: 'agreement', customer: true },
	'agreement.proposal.accept': { kind: 'agreement', customer: true },
	'agreement.proposal.decline': { kind: 'agreement', customer: true },
	'agreement.tolerance': { kind: 'agreement', customer: true },
	'invoices.import': { kind: 'agreement', customer: false },
	'tickets.remove_deleted_at_source': { kind: 'settings', customer: false },
	'kb.create': { kind: 'knowledge', customer: false },
	'kb.update': { kind: 'knowledge', customer: false },
	'customer.create': { kind: 'installation', customer: false },
	'role.update': { kind: 'installation', customer: false }
} as const satisfies Record<string, AuditEventMeta>;

export type AuditAction = keyof typeof AUDIT_EVENTS;

export const AUDIT_ACTIONS = Object.keys(AUDIT_EVENTS) as AuditAction[];

export const isAuditAction = (v: string): v is AuditAction => Object.hasOwn(AUDIT_EVENTS, v);

export const isAuditKind = (v: string): v is AuditKind => (AUDIT_KINDS as readonly string[]).includes(v);

export const auditEvent = (action: string): AuditEventMeta | undefined => (isAuditAction(action) ? AUDIT_EVENTS[action] : undefined);

/** The events of these kinds; only the customer's own when `customerView`. */
export function auditActions(kinds: readonly AuditKind[] | null, customerView: boolean): AuditAction[] {
	return AUDIT_ACTIONS.filter((a) => {
		const e: AuditEventMeta = AUDIT_EVENTS[a];
		return (!customerView || e.customer) && (kinds === null || kinds.includes(e.kind));
	});
}

/** The kinds that have at least one event in the customer's view (for its filter). */
export const CUSTOMER_AUDIT_KINDS: AuditKind[] = AUDIT_KINDS.filter((k) => auditActions([k], true).length > 0);

/**
 * Every field name (key of before/after) the events write, so each one has a
 * label in both languages (`$lib/audit-labels`, checked by audit-events.test.ts).
 */
export const AUDIT_FIELDS = [
	// people
	'id',
	'customer_id',
	'name',
	'email',
	'phone',
	'title',
	'access',
	'account',
	'password',
	'disabled',
	// sign-in with the organisation's own identity provider
	'issuer',
	'subject',
	'via',
	'clientId',
	'clientSecret',
	'domains',
	'jit',
	'jitAccess',
	'groupsClaim',
	'groupAccess',
	'passwordSignIn',
	// local accounts: a link's expiry, a session's device, how many sessions or recovery codes
	'expiresAt',
	'device',
	'sessions',
	'recoveryCodesLeft',
	// roles, catalogue
	'person',
	'role',
	'name_sv',
	'name_en',
	'description_sv',
	'description_en',
	// forums, duties
	'template',
	'members',
	'purpose',
	'cadence',
	'materialLeadDays',
	'approvalReminderDays',
	'kind',
	'status',
	// decision material
	'material',
	'sha256',
	'duty',
	'party',
	'to',
	'action',
	// meetings
	'startsAt',
	'endsAt',
	'location',
	'items',
	'adjuster',
	'text',
	'confirmedIn',
	'meetingId',
	'change',
	'recommendation',
	'rationale',
	'approve',
	'reject',
	'abstain',
	'quorumMet',
	// reports, tokens
	'reports',
	'scopes',
	// knowledge base
	'audience',
	'version',
	// figures and settings
	'kpi',
	'periodFrom',
	'periodTo',
	'value',
	'unit',
	'note',
	'preset',
	'source',
	'fileName',
	'rowsRead',
	'created',
	'updated',
	'ticketsRecomputed',
	'numbers',
	'timeZone',
	'businessHours',
	'holidays',
	'pauseStatuses',
	'definitions',
	'mapping',
	// ticket connectors (ServiceNow, Jira)
	'baseUrl',
	'auth',
	'username',
	'query',
	'tables',
	'intervalMinutes',
	'enabled',
	'secretChanged',
	// the agreement: an amendment's month, its changes, the decision it carries out, the follow-up's tolerance
	'effectiveFrom',
	'changes',
	'decision',
	'tolerance',
	// customers
	'orgNumber',
	// a meeting started more than an hour early (lifecycle.service.ts startMeeting)
	'earlyMinutes',
	// why a meeting was cancelled (lifecycle.service.ts cancelMeeting)
	'reason'
] as const;
export type AuditField = (typeof AUDIT_FIELDS)[number];
