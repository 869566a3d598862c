/** What the mails about a person's own account say: the invitation to Samverkan and the password reset. */
import type { AccountMailPayload } from '../outbox/account-mail-payload';
import type { AccountMailKind } from '../outbox/notification-kinds';
import type { MailContent } from './compose-mail';
import { DEFAULT_TIME_ZONE } from '../time';
import type { MailLocale } from './mail-labels';

const words = {
	sv: {
		invitationSubject: (org: string) => `Inbjudan till Samverkan: ${org}`,
		invitation: (by: string | undefined, org: string) => `${by ? `${by} har bjudit in dig` : 'Du är inbjuden'} till Samverkan för ${org}, där leverantören och kunden sköter sina samverkansforum, dagordningar och protokoll.`,
		invitationAct: 'Välj ditt lösenord med länken nedan. Länken kan bara användas en gång.',
		resetSubject: 'Återställ ditt lösenord i Samverkan',
		reset: 'Någon, förhoppningsvis du, har bett om att få välja ett nytt lösenord för ditt konto i Samverkan.',
		resetIgnore: 'Har du inte bett om det kan du bortse från det här brevet: ditt lösenord är oförändrat.',
		validUntil: 'Länken gäller till',
		greeting: (name: string) => `Hej ${name}!`,
		acceptInvitation: 'Välj lösenord',
		chooseNew: 'Välj nytt lösenord',
		withheld: 'Länken visas bara för mottagaren.'
	},
	en: {
		invitationSubject: (org: string) => `Invitation to Samverkan: ${org}`,
		invitation: (by: string | undefined, org: string) => `${by ? `${by} has invited you` : 'You are invited'} to Samverkan for ${org}, where the service provider and the customer run their governance forums, agendas and minutes.`,
		invitationAct: 'Choose your password with the link below. The link works once.',
		resetSubject: 'Reset your Samverkan password',
		reset: 'Someone, hopefully you, asked to choose a new password for your Samverkan account.',
		resetIgnore: 'If it was not you, ignore this mail: your password is unchanged.',
		validUntil: 'The link is valid until',
		greeting: (name: string) => `Hello ${name},`,
		acceptInvitation: 'Choose password',
		chooseNew: 'Choose a new password',
		withheld: 'The link is shown to its recipient only.'
	}
} satisfies Record<MailLocale, unknown>;

const timeOf = (iso: string, locale: MailLocale) =>
	new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'long', timeStyle: 'short', timeZone: DEFAULT_TIME_ZONE }).format(new Date(iso));

export function composeAccountMail(kind: AccountMailKind, p: AccountMailPayload, locale: MailLocale, origin: string): MailContent {
	const w = words[locale];
	const invitation = kind === 'account.invitation';
	const subject = invitation ? w.invitationSubject(p.organisation) : w.resetSubject;
	const paragraphs = invitation ? [w.greeting(p.personName), w.invitation(p.invitedBy, p.organisation), w.invitationAct] : [w.greeting(p.personName), w.reset, w.resetIgnore];
	if (!p.path) paragraphs.push(w.withheld);
	return {
		subject,
		headline: subject,
		paragraphs,
		facts: [[w.validUntil, timeOf(p.expiresAt, locale)]],
		lists: [],
		link: { label: invitation ? w.acceptInvitation : w.chooseNew, href: p.path ? `${origin}${p.path}` : origin }
	};
}
