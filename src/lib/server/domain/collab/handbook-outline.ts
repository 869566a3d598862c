/**
 * What a new Samverkanshandbok (collaboration handbook) starts from: one
 * heading per chapter, seeded through the minutes' seeding (headings as
 * "agenda items"). The chapters that the supplier's own governance document
 * covers start with its text (the Swedish source document "Service management
 * Samverkan och rapportering", /work/shared/seed, and the governance model
 * built on it), worded for any supplier and customer; the rest start with an
 * empty paragraph for the operational forum to fill in.
 */
import type { AgendaItemTemplate } from '../governance/catalogue.types';

interface Chapter {
	sv: string;
	en: string;
	paragraphs?: string[];
}

const CHAPTERS: Chapter[] = [
	{
		sv: '1. Syfte och omfattning',
		en: '1. Purpose and scope',
		paragraphs: [
			'En av de viktigaste faktorerna i en bra leverans är partnerskap och samarbete. Den här handboken beskriver samverkansorganisationen mellan leverantören och kunden: hur den är uppbyggd, med vilka roller och forum, och hur den följer upp leveransen. Samverkan ingår i leveransen.',
			'Samverkansorganisationens huvudsakliga uppgift är att följa upp och bevaka kvaliteten på drifttjänsterna och de överenskomna servicenivåerna, och att leveransen följer leveransavtalet. Det innebär bland annat att identifiera och följa upp nyckeltal och mätmetoder på alla nivåer: strategisk, taktisk och operativ.'
		]
	},
	{
		sv: '2. Parter och kontaktvägar',
		en: '2. Parties and contacts',
		paragraphs: [
			'Leverantören samordnar mellan kunden och tredje part, så att kunden bara har en kontakt som driver ärenden och frågor tills de är lösta och kan slutrapporteras och stängas. Kundens primära kontaktyta, som all personal vänder sig till, är leverantörens servicedesk: en enda kontaktpunkt (SPOC, Single Point of Contact).'
		]
	},
	{
		sv: '3. Samverkansforum och mötesplan',
		en: '3. Governance forums and meeting plan',
		paragraphs: [
			'Operativt forum (1–12 gånger per år) styr och följer upp de löpande leveranserna och de överenskomna servicenivåerna: incidentuppföljning, driftsituation, statistik och SLA, eskaleringar och aktivitetslistan. Forumet uppdaterar också den här handboken. Ändringsforum (CAB) bedömer ändringsförslag med risk- och konsekvensanalys inför förändringar.',
			'Taktiskt forum (1–2 gånger per år) utgår från kundens verksamhetsmål och ansvarar för relations-, avtals- och kommersiella frågor, affärsuppföljning och vidareutveckling av tjänsterna; säkerhetsfrågor tas upp i IT-säkerhetsgruppen. Strategiskt forum planerar för framtiden tillsammans: strategiska initiativ, ekonomi, kvalitet och kundnöjdhet.'
		]
	},
	{
		sv: '4. Roller och ansvar',
		en: '4. Roles and responsibilities',
		paragraphs: [
			'För att samarbetet ska fungera tillsätter båda parter roller för leveransen. Hos leverantören bland annat Business Account Manager (BAM), Delivery Manager, Lösningsarkitekt (TAM), Incident Manager, Change Manager, Problem Manager och IT-säkerhetsansvarig; hos kunden bland annat Avtalsansvarig, IT-ansvarig, IT-tjänsteansvarig, IT-incidentansvarig, IT-beställning- och förändringsansvarig och IT-säkerhetsansvarig. En person hos kunden kan ha flera roller; vilka roller som tillsätts bestäms av parterna i samråd.'
		]
	},
	{ sv: '5. Ärendehantering och eskalering', en: '5. Case handling and escalation' },
	{ sv: '6. Ändringshantering och ändringsfönster', en: '6. Change management and change windows' },
	{
		sv: '7. Rapportering och uppföljning av SLA',
		en: '7. SLA reporting and follow-up',
		paragraphs: [
			'I kundportalen kan behörig personal löpande ta del av rapporter och statistik om SLA, möten och ärendehantering. Portalen innehåller även en kunskapsdatabas och självhjälp för användare och administratörer hos kunden.'
		]
	},
	{ sv: '8. Informationssäkerhet', en: '8. Information security' },
	{ sv: '9. Revidering av handboken', en: '9. Revising the handbook' }
];

export const HANDBOOK_OUTLINE: (AgendaItemTemplate & { paragraphs?: readonly string[] })[] = CHAPTERS.map(({ sv, en, paragraphs }) => ({
	kind: 'other',
	title: { sv, en },
	minutes: 0,
	paragraphs
}));
