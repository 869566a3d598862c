/**
 * The one translator of error codes ($lib/errors/error-codes) into the user's
 * language: form pages, the room and the API (server side, with the request's
 * locale) all show a refusal or field error through here. Every code has an
 * entry (TypeScript checks it); its sv/en texts live in messages/.
 */
import type { CodedMessage, ErrorCode, ErrorParams } from '$lib/errors/error-codes';
import { m } from '$lib/paraglide/messages';

type Locale = 'sv' | 'en';
type Options = { locale?: Locale };
type Translate = (p: ErrorParams, o: Options) => string;

const num = (p: ErrorParams, key: string) => p[key] ?? '';

const MESSAGES: { [C in ErrorCode]: Translate } = {
	'error.invalid': (_, o) => m.err_invalid_request({}, o),
	'error.conflict': (_, o) => m.err_conflict({}, o),
	'error.not_found': (_, o) => m.err_not_found({}, o),
	'error.forbidden': (_, o) => m.error_forbidden({}, o),
	'error.unauthenticated': (_, o) => m.err_unauthenticated({}, o),
	'error.rate_limited': (_, o) => m.err_rate_limited({}, o),

	'field.required': (_, o) => m.required({}, o),
	'field.too_short': (p, o) => m.err_too_short({ count: num(p, 'min') }, o),
	'field.too_long': (p, o) => m.err_too_long({ count: num(p, 'max') }, o),
	'field.too_small': (p, o) => m.err_too_small({ min: num(p, 'min') }, o),
	'field.too_big': (p, o) => m.err_too_big({ max: num(p, 'max') }, o),
	'field.too_few': (p, o) => m.err_too_few({ min: num(p, 'min') }, o),
	'field.too_many': (p, o) => m.err_too_many({ max: num(p, 'max') }, o),
	'field.number': (_, o) => m.err_number({}, o),
	'field.whole_number': (_, o) => m.err_whole_number({}, o),
	'field.choose': (_, o) => m.err_choose({}, o),
	'field.unknown_key': (_, o) => m.err_unknown_key({}, o),
	'field.line_breaks': (_, o) => m.err_line_breaks({}, o),
	'field.control_characters': (_, o) => m.err_control_characters({}, o),
	'field.email': (_, o) => m.err_email({}, o),
	'field.id': (_, o) => m.err_choose({}, o),
	'field.date': (_, o) => m.err_date({}, o),
	'field.datetime': (_, o) => m.forum_err_datetime({}, o),
	'field.after_from': (_, o) => m.err_after_from({}, o),
	'field.not_before_from': (_, o) => m.err_not_before_from({}, o),
	'field.after_period_from': (_, o) => m.err_after_from({}, o),
	'field.https': (_, o) => m.forum_err_https({}, o),
	'field.exists': (_, o) => m.cust_err_exists({}, o),
	'field.true_or_false': (_, o) => m.err_true_or_false({}, o),
	'field.no_body': (_, o) => m.err_no_body({}, o),
	'field.invalid': (_, o) => m.err_invalid({}, o),

	'person.unknown': (_, o) => m.forum_err_unknown_person({}, o),
	'person.not_of_party': (_, o) => m.forum_err_wrong_party({}, o),
	'person.not_of_customer': (_, o) => m.err_not_customer_person({}, o),
	'person.email_in_use': (_, o) => m.person_err_email_in_use({}, o),
	'person.access_not_for_party': (_, o) => m.person_err_access({}, o),
	'person.access_not_allowed': (_, o) => m.person_err_access({}, o),
	'login.use_provider': (_, o) => m.login_use_provider({}, o),
	'idp.domain_format': (_, o) => m.idp_err_domain_format({}, o),
	'idp.domain_taken': (p, o) => m.idp_err_domain_taken({ domain: String(p.domain ?? '') }, o),
	'idp.group_mapping': (_, o) => m.idp_err_group_mapping({}, o),
	'idp.no_secrets_key': (_, o) => m.idp_err_no_secrets_key({}, o),
	'person.cannot_disable_self': (_, o) => m.person_err_self_disable({}, o),
	'person.cannot_lower_own_access': (_, o) => m.person_err_self_access({}, o),
	'account.link_not_valid': (_, o) => m.acct_err_link_not_valid({}, o),
	'account.has_login': (_, o) => m.acct_err_has_login({}, o),
	'account.disabled': (_, o) => m.acct_err_disabled({}, o),
	'two_factor.wrong_code': (_, o) => m.acct_err_wrong_code({}, o),
	'two_factor.required': (_, o) => m.acct_err_code_required({}, o),
	'two_factor.expired': (_, o) => m.acct_err_challenge_expired({}, o),
	'two_factor.already_on': (_, o) => m.acct_err_2fa_already_on({}, o),
	'two_factor.not_on': (_, o) => m.acct_err_2fa_not_on({}, o),
	'two_factor.enrolment_required': (_, o) => m.acct_err_enrolment_required({}, o),
	'role.unknown': (_, o) => m.err_role_unknown({}, o),
	'role.other_party': (_, o) => m.cust_err_role_other_party({}, o),
	'role.already_held': (_, o) => m.cust_err_role_held({}, o),
	'customer.org_number': (_, o) => m.cust_err_org_number({}, o),
	'forum.already_member': (_, o) => m.forum_err_already_member({}, o),
	'forum.highest_level': (_, o) => m.err_highest_level({}, o),
	'forum.cadence_min_max': (_, o) => m.forum_err_min_max({}, o),

	'meeting.ends_after_start': (_, o) => m.forum_err_after_start({}, o),
	'meeting.max_24h': (_, o) => m.forum_err_max_24h({}, o),
	'meeting.confirm_early': (_, o) => m.err_confirm_early({}, o),
	'meeting.not_invited': (_, o) => m.err_not_invited({}, o),
	'meeting.unknown_item': (_, o) => m.err_unknown_item({}, o),
	'meeting.unknown_change': (_, o) => m.err_unknown_change({}, o),
	'meeting.agenda_after_start': (_, o) => m.lifecycle_err_started({}, o),
	'meeting.in_progress': (_, o) => m.lifecycle_err_in_progress({}, o),
	'meeting.held': (_, o) => m.lifecycle_err_held({}, o),
	'meeting.cancelled': (_, o) => m.lifecycle_err_cancelled({}, o),
	'meeting.cancel_after_start': (_, o) => m.lifecycle_err_cancel_after_start({}, o),
	'meeting.not_in_progress': (_, o) => m.lifecycle_err_not_in_progress({}, o),
	'minutes.not_ended': (_, o) => m.lifecycle_err_not_ended({}, o),
	'minutes.already_approved': (_, o) => m.lifecycle_err_already_approved({}, o),
	'outbox.not_resendable': (_, o) => m.outbox_err_not_resendable({}, o),
	'minutes.already_approved_by_you': (_, o) => m.lifecycle_err_already_approved_you({}, o),
	'minutes.same_person': (_, o) => m.lifecycle_err_same_person({}, o),
	'minutes.no_adjuster': (_, o) => m.lifecycle_err_no_adjuster({}, o),
	'minutes.adjuster_not_customer': (_, o) => m.lifecycle_err_adjuster_customer({}, o),
	'minutes.previous_not_approved': (_, o) => m.lifecycle_err_previous_not_approved({}, o),
	'minutes.previous_confirmed': (_, o) => m.lifecycle_err_previous_confirmed({}, o),
	'export.format': (_, o) => m.err_export_format({}, o),
	'material.name_path': (_, o) => m.material_err_name_path({}, o),
	'material.name_control': (_, o) => m.material_err_name_control({}, o),
	'material.kind': (_, o) => m.material_err_kind({}, o),
	'material.mismatch': (p, o) => m.material_err_mismatch({ extension: String(p.extension ?? '') }, o),
	'material.executable': (_, o) => m.material_err_executable({}, o),
	'material.empty': (_, o) => m.material_err_empty({}, o),
	'material.too_large': (_, o) => m.material_err_too_large({}, o),
	'material.locked': (_, o) => m.material_err_locked({}, o),
	'material.not_pdf': (_, o) => m.material_err_not_pdf({}, o),
	'material.internal_not_shown': (_, o) => m.material_err_internal_not_shown({}, o),
	'room.no_material_shown': (_, o) => m.live_err_no_material_shown({}, o),
	'notification.mandatory': (_, o) => m.notif_err_mandatory({}, o),

	'report.not_member': (_, o) => m.err_report_not_member({}, o),
	'report.admin_sees_all': (_, o) => m.err_report_admin({}, o),
	'report.period': (_, o) => m.err_report_period({}, o),
	'report.table': (_, o) => m.err_report_table({}, o),
	'kb.too_deep': (p, o) => m.err_kb_too_deep({ max: num(p, 'max') }, o),
	'kb.not_rich_text': (_, o) => m.portal_kb_body_invalid({}, o),
	'kb.empty': (_, o) => m.portal_kb_body_empty({}, o),
	'kb.body_or_markup': (_, o) => m.portal_kb_body_empty({}, o),

	'sla.minutes': (_, o) => m.settings_err_minutes({}, o),
	'sla.calendar': (_, o) => m.settings_err_calendar({}, o),
	'sla.hours': (_, o) => m.settings_err_hours({}, o),
	'sla.time_zone': (_, o) => m.settings_err_zone({}, o),
	'sla.holidays': (_, o) => m.settings_err_holidays({}, o),
	'sla.definition_duplicate': (_, o) => m.err_sla_definition_duplicate({}, o),
	'kpi.key_format': (_, o) => m.settings_err_kpi_key({}, o),
	'kpi.amber_side': (_, o) => m.settings_err_amber_side({}, o),
	'kpi.duplicate': (_, o) => m.settings_err_kpi_duplicate({}, o),
	'token.scopes': (_, o) => m.settings_err_scopes({}, o),
	'import.name_format': (_, o) => m.err_import_name({}, o),
	'agreement.month_format': (_, o) => m.err_agreement_month_format({}, o),
	'agreement.month_past': (_, o) => m.err_agreement_month_past({}, o),
	'agreement.month_order': (_, o) => m.err_agreement_month_order({}, o),
	'agreement.too_many_months': (_, o) => m.err_agreement_too_many_months({}, o),
	'agreement.service_or_new': (_, o) => m.err_agreement_service_or_new({}, o),
	'agreement.new_service_terms': (_, o) => m.err_agreement_new_service_terms({}, o),
	'agreement.service_twice': (_, o) => m.err_agreement_service_twice({}, o),
	'agreement.unknown_service': (_, o) => m.err_agreement_unknown_service({}, o),
	'agreement.service_exists': (_, o) => m.err_agreement_service_exists({}, o),
	'agreement.initial_exists': (_, o) => m.err_agreement_initial_exists({}, o),
	'agreement.unknown_decision': (_, o) => m.err_agreement_unknown_decision({}, o),
	'agreement.proposal_decided': (_, o) => m.err_agreement_proposal_decided({}, o),
	'agreement.tolerance_format': (_, o) => m.err_agreement_tolerance_format({}, o),
	'agreement.amount': (_, o) => m.err_agreement_amount({}, o)
};

/** A code and its parameters in the user's language (or `locale`); '' when there is none. */
export function errorMessage(coded: CodedMessage | null | undefined, options: Options = {}): string {
	if (!coded) return '';
	const translate = Object.hasOwn(MESSAGES, coded.code) ? MESSAGES[coded.code] : MESSAGES['field.invalid'];
	return translate(coded.params ?? {}, options);
}

/** What a failed form or request carries: its message's code and each field's. */
export type CodedFailure = { messageCode?: CodedMessage; fieldCodes?: Record<string, CodedMessage> } | null | undefined;

/** The message of the first of `fields` that has an error, in the user's language; '' when none has. */
export function fieldMessage(failure: CodedFailure, ...fields: string[]): string {
	for (const f of fields) {
		const coded = failure?.fieldCodes?.[f];
		if (coded) return errorMessage(coded);
	}
	return '';
}

/** The first error among the fields at or under `prefix` (a row, a day), with its path; null when none. */
export function firstFieldError(failure: CodedFailure, prefix: string): { path: string; message: string } | null {
	for (const [path, coded] of Object.entries(failure?.fieldCodes ?? {})) {
		if (path === prefix || path.startsWith(`${prefix}.`)) return { path, message: errorMessage(coded) };
	}
	return null;
}

/** Whether the failure names a specific refusal (not just its kind), so a page can say it instead of a generic line. */
export const isSpecific = (coded: CodedMessage | null | undefined): coded is CodedMessage => !!coded && !coded.code.startsWith('error.');

/**
 * The line above a form that failed: "check the marked fields" when fields are
 * marked, the refusal itself when it is a specific one, no permission, or `otherwise`.
 */
export function failureMessage(failure: CodedFailure, otherwise: () => string): string {
	if (failure?.fieldCodes && Object.keys(failure.fieldCodes).length > 0) return m.form_has_errors();
	if (failure?.messageCode?.code === 'error.forbidden') return m.error_forbidden();
	if (isSpecific(failure?.messageCode)) return errorMessage(failure.messageCode);
	return otherwise();
}

/** The `error` of an /api/v1 answer, as a page that called the API receives it. */
export interface ApiError {
	message?: string;
	messageCode?: string;
	params?: ErrorParams;
	fieldCodes?: Record<string, CodedMessage>;
}

/**
 * An /api/v1 error in the user's language: its refusal when it names a specific
 * one, else its first field error ("field: message"), else the English message.
 */
export function apiErrorText(error: ApiError | null | undefined, otherwise: string): string {
	const code = error?.messageCode;
	if (code && Object.hasOwn(MESSAGES, code) && !code.startsWith('error.')) return errorMessage({ code: code as ErrorCode, params: error?.params });
	const [field] = Object.entries(error?.fieldCodes ?? {});
	if (field) return `${field[0]}: ${errorMessage(field[1])}`;
	return error?.message ?? otherwise;
}
