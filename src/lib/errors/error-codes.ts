/**
 * The codes of the errors users see: every refusal and field error the domain
 * raises carries one of these codes and its parameters, never a sentence to be
 * matched. The English text here is what the JSON API and the logs show
 * (`error.message`, `error.fields`); the user's language comes from the one
 * translator, $lib/i18n/error-message.ts, which has a message for every code.
 *
 * To add an error: add its code and English text here, its message to the
 * translator (TypeScript refuses a code without one) and its sv/en texts to
 * messages/<area>/{sv,en}.json; then throw it (`invalid(..., { field: 'code' })`).
 */
import { NO_CONTROL_CHARACTERS, NO_LINE_BREAKS } from '$lib/text-rules';

export type ErrorParams = Record<string, string | number>;

const n = (p: ErrorParams, key: string) => p[key] ?? '?';

/** Code → English text. Field codes say what is wrong with one field; the others are refusals of a whole request. */
const ENGLISH = {
	// a whole request, by kind (when no more specific code applies)
	'error.invalid': () => 'Invalid input',
	'error.conflict': () => 'This cannot be done in the current state',
	'error.not_found': () => 'Not found',
	'error.forbidden': () => 'You do not have permission to do this',
	'error.unauthenticated': () => 'Sign in first',
	'error.rate_limited': () => 'Too many requests; try again later',

	// any field
	'field.required': () => 'Required',
	'field.too_short': (p) => `At least ${n(p, 'min')} characters`,
	'field.too_long': (p) => `At most ${n(p, 'max')} characters`,
	'field.too_small': (p) => `At least ${n(p, 'min')}`,
	'field.too_big': (p) => `At most ${n(p, 'max')}`,
	'field.too_few': (p) => `At least ${n(p, 'min')} values`,
	'field.too_many': (p) => `At most ${n(p, 'max')} values`,
	'field.number': () => 'Not a number',
	'field.whole_number': () => 'A whole number',
	'field.choose': () => 'Not one of the allowed values',
	'field.unknown_key': () => 'Unknown field',
	'field.line_breaks': () => NO_LINE_BREAKS,
	'field.control_characters': () => NO_CONTROL_CHARACTERS,
	'field.email': () => 'Not a valid e-mail address',
	'field.id': () => 'Not a valid id',
	'field.date': () => 'A date (yyyy-mm-dd)',
	'field.datetime': () => 'Not a valid date and time',
	'field.after_from': () => 'Must be after from',
	'field.not_before_from': () => 'Must not be before from',
	'field.after_period_from': () => 'Must be after periodFrom',
	'field.https': () => 'Must be an https:// link',
	'field.exists': () => 'Already exists',
	'field.true_or_false': () => 'Send true or false',
	'field.no_body': () => 'Send no body or {}',
	'field.invalid': () => 'Invalid value',

	// people, roles, forums
	'person.unknown': () => 'Unknown person',
	'person.not_of_party': () => 'Not of this party',
	'person.not_of_customer': () => 'Not a person of this customer',
	'person.email_in_use': () => 'Already in use',
	'person.access_not_for_party': () => 'Not allowed for this party',
	'person.access_not_allowed': () => 'Not allowed',
	'person.cannot_disable_self': () => 'You cannot disable your own account',
	'person.cannot_lower_own_access': () => 'You cannot lower your own access',
	'login.use_provider': () => "Your organisation signs in through its own identity provider: enter only your e-mail address",
	'idp.domain_format': () => 'One domain per line, like kommun.se',
	'idp.domain_taken': (p) => `${n(p, 'domain')} belongs to another organisation`,
	'idp.group_mapping': () => 'One per line: group = access level',
	'idp.no_secrets_key': () => 'SECRETS_KEY is not set on this installation: the secret cannot be stored',
	// local accounts: links, two-factor sign-in
	'account.link_not_valid': () => 'This link is not valid: it has been used, replaced, revoked or has expired',
	'account.has_login': () => 'This person can already sign in',
	'account.disabled': () => 'This account is disabled',
	'two_factor.wrong_code': () => 'Wrong code',
	'two_factor.required': () => 'Send the code from your authenticator app (code) as well',
	'two_factor.expired': () => 'The sign-in took too long; enter your e-mail and password again',
	'two_factor.already_on': () => 'Two-factor sign-in is already on',
	'two_factor.not_on': () => 'Two-factor sign-in is not on',
	'two_factor.enrolment_required': () => 'Turn on two-factor sign-in first (/settings/security)',
	'role.unknown': () => 'Unknown role',
	'role.other_party': () => 'Role of the other party',
	'role.already_held': () => 'Already assigned',
	'customer.org_number': () => 'Organisation number must look like 556677-8899',
	'forum.already_member': () => 'Already a member',
	'forum.highest_level': () => 'Highest level',
	'forum.cadence_min_max': () => 'The minimum cannot be above the maximum',

	// meetings and minutes
	'meeting.ends_after_start': () => 'Must be after the start',
	'meeting.max_24h': () => 'At most 24 hours after the start',
	'meeting.confirm_early': () => 'Required to start more than an hour early',
	'meeting.not_invited': () => 'Not invited to this meeting',
	'meeting.unknown_item': () => 'Not an item of this agenda',
	'meeting.unknown_change': () => 'Unknown change',
	'meeting.agenda_after_start': () => 'The meeting has started; its agenda can no longer be published',
	'meeting.in_progress': () => 'The meeting is already in progress',
	'meeting.held': () => 'The meeting has already been held',
	'meeting.cancelled': () => 'The meeting is cancelled',
	'meeting.cancel_after_start': () => 'The meeting has started; it can no longer be cancelled',
	'meeting.not_in_progress': () => 'Only a meeting in progress can be ended',
	'minutes.not_ended': () => 'The minutes can be approved once the meeting has ended',
	'minutes.already_approved': () => 'The minutes are already approved',
	'outbox.not_resendable': () => 'Only a mail that failed or was kept can be sent again',
	'minutes.already_approved_by_you': () => 'You have already approved these minutes',
	'minutes.same_person': () => 'The chair and the adjuster must be two different people',
	'minutes.no_adjuster': () => 'Name an adjuster (justerare) from the customer side first',
	'minutes.adjuster_not_customer': () => 'The adjuster must be a person of the customer',
	'minutes.previous_not_approved': () => 'The previous minutes are not approved yet',
	'minutes.previous_confirmed': () => 'The previous minutes are already confirmed',
	'export.format': () => 'pdf, html or md',
	'material.name_path': () => 'The file name must not contain / or \\',
	'material.name_control': () => 'The file name must not contain control characters',
	'material.kind': () => 'Not an accepted file type: upload PDF, Word, Excel, PowerPoint, OpenDocument or an image (png, jpg, gif, webp)',
	'material.mismatch': (p) => `The file's content is not a .${n(p, 'extension')} file`,
	'material.executable': () => 'Programs (executable files) cannot be uploaded',
	'material.empty': () => 'The file is empty',
	'material.too_large': () => 'The file is too large',
	'material.locked': () => 'The minutes are approved: the material can no longer change',
	'material.not_pdf': () => 'Only a PDF can be shown in the room',
	'material.internal_not_shown': () => "Supplier-internal material cannot be shown in the room: the customer's people are there",
	'room.no_material_shown': () => 'No material is being shown',
	'notification.mandatory': () => 'Always sent by e-mail; it cannot be switched off',

	// portal
	'report.not_member': () => 'Not a member of this customer',
	'report.admin_sees_all': () => 'Admins see every report already',
	'report.period': () => 'A month (yyyy-mm) or a quarter (yyyy-Qn)',
	'report.table': () => 'decisions or actions',
	'kb.too_deep': (p) => `Nested more than ${n(p, 'max')} levels deep`,
	'kb.not_rich_text': () => 'Not a valid Lexical editor state',
	'kb.empty': () => 'Write the content of the article',
	'kb.body_or_markup': () => 'Send body (Lexical JSON) or markup',

	// ITSM settings and import
	'sla.minutes': () => 'A whole number of minutes from 1 to 525600, or empty',
	'sla.calendar': () => 'business or 24x7',
	'sla.hours': () => 'Minutes of the day from 0 to 1440',
	'sla.time_zone': () => 'Not a known time zone',
	'sla.holidays': () => 'SE, NO, DK or FI',
	'sla.definition_duplicate': () => 'One definition per priority',
	'kpi.key_format': () => 'Lower-case letters, digits and _',
	'kpi.amber_side': () => 'The amber limit must lie on the worse side of the target',
	'kpi.duplicate': () => 'One target per KPI',
	'token.scopes': () => 'Choose at least one scope',
	'import.name_format': () => 'Lower-case letters, digits, . _ -',
	// the agreement and its invoicing (issue 22)
	'agreement.month_format': () => 'A month (yyyy-mm)',
	'agreement.month_past': () => 'This month or later: an amendment never changes the past',
	'agreement.month_order': () => 'The first month comes after the last',
	'agreement.too_many_months': () => 'At most 24 months at a time',
	'agreement.service_or_new': () => 'Name an existing service or a new one, not both',
	'agreement.new_service_terms': () => 'A new service needs a volume and a unit price',
	'agreement.service_twice': () => 'The same service twice in one change',
	'agreement.unknown_service': () => 'Not a service of this agreement',
	'agreement.service_exists': () => 'The agreement already has a service by that name',
	'agreement.initial_exists': () => 'The agreement already exists: change it with an amendment',
	'agreement.unknown_decision': () => 'Not a decision of this customer',
	'agreement.proposal_decided': () => 'The proposal has already been decided',
	'agreement.tolerance_format': () => 'A percentage with at most two decimals',
	'agreement.amount': () => 'An amount in kronor, e.g. 12 345,67'
} satisfies Record<string, (p: ErrorParams) => string>;

export type ErrorCode = keyof typeof ENGLISH;

/** A code with its parameters, e.g. { code: 'field.too_long', params: { max: 200 } }. */
export interface CodedMessage {
	code: ErrorCode;
	params?: ErrorParams;
}

/** Every code, for the translator's test. */
export const ERROR_CODES = Object.keys(ENGLISH) as ErrorCode[];

export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && Object.hasOwn(ENGLISH, value);

/** The English text of a code (API `message`/`fields`, logs). */
export const englishText = (c: CodedMessage): string => ENGLISH[c.code](c.params ?? {});
