/**
 * The governance model as data: the role catalogue and the five forum
 * templates, in Swedish and English. Source: "Service management – Samverkan
 * och rapportering" (shared/seed) and docs/governance-model.md.
 *
 * This is what a new installation starts with; the role catalogue and each
 * customer's forums are editable afterwards.
 */
import type { Duty, Party } from '$lib/domain-types';
import type { ForumTemplateDefinition, Localized, RoleDefinition } from './catalogue.types';

const l = (sv: string, en: string): Localized => ({ sv, en });
const lines = (pairs: [string, string][]): Localized => ({
	sv: pairs.map(([sv]) => sv).join('\n'),
	en: pairs.map(([, en]) => en).join('\n')
});

export const ROLE_CATALOGUE: RoleDefinition[] = [
	// Supplier (leverantör)
	{ key: 'ceo', party: 'supplier', name: l('VD', 'CEO'), description: l('', '') },
	{
		key: 'bam',
		party: 'supplier',
		name: l('BAM – Business Account Manager', 'BAM – Business Account Manager'),
		description: lines([
			['Ansvarig för strategi gällande samverkan med kunden', 'Owns the strategy for collaboration with the customer'],
			['Säkerställa och ansvara för gränssnitt mot kunden', 'Owns the interface towards the customer'],
			['Hanterar förhandlingar med kunden vid förändringar', 'Negotiates with the customer on changes'],
			['Avtalsadministration – kontroll över avtalade tjänster, SLA och priser', 'Contract administration – agreed services, SLA and prices'],
			['Hantering av kommersiella villkor och omförhandling av avtal', 'Commercial terms and renegotiation of the agreement']
		])
	},
	{ key: 'operations_manager', party: 'supplier', name: l('Driftchef', 'Operations Manager'), description: l('', '') },
	{ key: 'cto', party: 'supplier', name: l('Teknikchef', 'CTO'), description: l('', '') },
	{
		key: 'delivery_manager',
		party: 'supplier',
		name: l('Delivery Manager', 'Delivery Manager'),
		description: lines([
			['Ansvara för leverans av tjänster gentemot kunden', 'Responsible for delivering the services to the customer'],
			['Vidta korrigerande åtgärder på avvikelser i leverans', 'Takes corrective action on deviations in delivery'],
			['Kontaktperson vid prioritet 1- och 2-incidenter', 'Contact for priority 1 and 2 incidents'],
			['Ansvar för eskalering vid behov', 'Responsible for escalation when needed'],
			['Inkallas till CAB vid behov', 'Called to the CAB when needed']
		])
	},
	{
		key: 'security_officer',
		party: 'supplier',
		name: l('IT-säkerhetsansvarig', 'IT Security Officer'),
		description: lines([
			['Analys av incidentrapporter vid säkerhetsrelaterade ärenden', 'Analyses incident reports of security-related cases'],
			['Uppföljning av säkerhetsåtgärder och riskanalyser', 'Follows up security measures and risk analyses'],
			['Katastrof- och kontinuitetsplanering', 'Disaster recovery and continuity planning'],
			['Deltar i säkerhetsforum', 'Takes part in the security forum']
		])
	},
	{ key: 'environment_officer', party: 'supplier', name: l('Miljöansvarig', 'Environment Officer'), description: l('', '') },
	{
		key: 'tam',
		party: 'supplier',
		name: l('Lösningsarkitekt (TAM)', 'Solution Architect (TAM)'),
		description: lines([
			['Samverkar med kunden avseende övergripande IT-arkitektur', 'Works with the customer on the overall IT architecture'],
			['Rådgivande i samband med teknikval', 'Advises on technology choices'],
			['Arbetar med proaktivitet och ständig förbättring', 'Drives proactive work and continual improvement'],
			['Planera och samordna beslutade förändringar av tjänsten', 'Plans and coordinates decided changes to the service']
		])
	},
	{
		key: 'incident_manager',
		party: 'supplier',
		name: l('Incident Manager', 'Incident Manager'),
		description: lines([
			['Ägare av incidentprocessen', 'Owns the incident process'],
			['Styrning av resurser för incidenthantering och intern prioritering', 'Steers incident resources and internal prioritisation'],
			['Skapare av SLA-rapporter', 'Creates the SLA reports'],
			['Rapportering och uppföljning av incidenter', 'Reports and follows up incidents']
		])
	},
	{
		key: 'change_manager',
		party: 'supplier',
		name: l('Change Manager', 'Change Manager'),
		description: lines([
			['Bereder ändringsbegäran (RFC) från kunden och leverantören', 'Prepares change requests from the customer and the supplier'],
			['Tilldelar ändringsuppgifter till lämplig utförare', 'Assigns change tasks to the right implementer'],
			['Bevakar att ändringen utförs inom estimerad tid', 'Watches that the change is done within the estimated time']
		])
	},
	{
		key: 'problem_manager',
		party: 'supplier',
		name: l('Problem Manager', 'Problem Manager'),
		description: l('Ägare av problemhanteringen', 'Owns problem management')
	},
	// Customer (kund)
	{ key: 'ceo', party: 'customer', name: l('VD', 'CEO'), description: l('', '') },
	{
		key: 'contract_owner',
		party: 'customer',
		name: l('Avtalsansvarig', 'Contract Owner'),
		description: lines([
			['Samverka med leverantörens avtalsansvarig för att utveckla tjänsten', "Works with the supplier's account manager to develop the service"],
			['Informera leverantören om kundens affärsplaner och mål', "Informs the supplier of the customer's business plans and goals"],
			['Följa upp kostnader avseende avtalet', 'Follows up the costs of the agreement'],
			['Utföra ekonomiska analyser och prognoser', 'Makes financial analyses and forecasts'],
			['Kontrollera finansiella överenskommelser', 'Checks financial agreements']
		])
	},
	{
		key: 'it_manager',
		party: 'customer',
		name: l('IT-ansvarig centralt', 'Central IT Manager'),
		description: lines([
			['IT-chef', 'Head of IT'],
			['Arbetssätt för IT inom kunden', 'Ways of working for IT within the customer']
		])
	},
	{
		key: 'service_owner',
		party: 'customer',
		name: l('IT-tjänsteansvarig', 'IT Service Owner'),
		description: lines([
			['Koordinera förvaltarnas frågor inom tjänsteområdet', "Coordinates the service managers' questions in the service area"],
			['Kravställare och samordnare av tjänster inklusive RFC', 'Sets requirements for and coordinates services, including RFCs'],
			['Följa upp avtalets krav avseende säkerhet', "Follows up the agreement's security requirements"]
		])
	},
	{ key: 'system_owner', party: 'customer', name: l('IT-systemansvarig', 'IT System Owner'), description: l('', '') },
	{
		key: 'incident_owner',
		party: 'customer',
		name: l('IT-incidentansvarig', 'IT Incident Owner'),
		description: l('Utsedd av kunden att ansvara för IT-incidenter', 'Appointed by the customer to own IT incidents')
	},
	{
		key: 'change_owner',
		party: 'customer',
		name: l('IT-beställning- och förändringsansvarig', 'IT Ordering and Change Owner'),
		description: l(
			'Utsedd av kunden att ansvara för förändringar i IT-miljön; kundens representant i CAB vid behov',
			"Appointed by the customer to own changes to the IT environment; the customer's representative in the CAB when needed"
		)
	},
	{ key: 'security_officer', party: 'customer', name: l('IT-säkerhetsansvarig', 'IT Security Officer'), description: l('', '') },
	{
		key: 'infosec_coordinator',
		party: 'customer',
		name: l('Informationssäkerhetssamordnare', 'Information Security Coordinator'),
		description: l('', '')
	},
	{ key: 'environment_officer', party: 'customer', name: l('Miljöansvarig', 'Environment Officer'), description: l('', '') }
];

const allSupplier = (overrides: Partial<Record<Duty, Party>> = {}): Record<Duty, Party> => ({
	convener: 'supplier',
	compiler: 'supplier',
	chair: 'supplier',
	minute_taker: 'supplier',
	presenter: 'supplier',
	preparer: 'supplier',
	...overrides
});

export const FORUM_TEMPLATES: ForumTemplateDefinition[] = [
	{
		key: 'strategic',
		level: 'strategic',
		name: l('Strategiskt forum', 'Strategic forum'),
		purpose: l(
			'Fokus på kundens framtid och önskemål: leverantören och kunden planerar framtiden tillsammans och stärker kundens möjligheter att stödja verksamhets- och affärsutveckling.',
			"Focus on the customer's future and wishes: supplier and customer plan the future together and strengthen the customer's ability to support business development."
		),
		cadence: { minPerYear: 1, maxPerYear: 2, text: l('1–2 gånger per år', '1–2 times a year') },
		tasks: [
			l('Följa upp strategiska initiativ', 'Follow up strategic initiatives'),
			l('Följa upp ekonomi, kvalitet och kundnöjdhet', 'Follow up economy, quality and customer satisfaction'),
			l(
				'Kontinuerligt informera varandra om strategiska förändringar som kan påverka relationen',
				'Keep each other informed of strategic changes that may affect the relation'
			),
			l('Gemensam avstämning av hur samarbetet upplevs från båda parter', 'Check together how both parties experience the collaboration'),
			l(
				'Informera om kommande viktiga händelser, t.ex. organisation, teknisk utveckling, marknad',
				'Inform of coming important events, e.g. organisation, technology, market'
			),
			l('Aktuella fokusområden och kommande satsningar (koppling till IT-strategin)', 'Current focus areas and coming investments (link to the IT strategy)')
		],
		agenda: [
			{ kind: 'previous_minutes', title: l('Föregående protokoll', 'Previous minutes'), minutes: 10 },
			{ kind: 'supplier_info', title: l('Strategiska förändringar hos leverantören', 'Strategic changes at the supplier'), minutes: 20 },
			{ kind: 'customer_info', title: l('Strategiska förändringar hos kunden', 'Strategic changes at the customer'), minutes: 20 },
			{ kind: 'statistics_sla', title: l('Ekonomi, kvalitet och kundnöjdhet', 'Economy, quality and customer satisfaction'), minutes: 20 },
			{ kind: 'other', title: l('Fokusområden och kommande satsningar', 'Focus areas and coming investments'), minutes: 30 },
			{ kind: 'activity_review', title: l('Genomgång av aktivitetslista', 'Review of the activity list'), minutes: 10 }
		],
		participants: { supplier: ['bam', 'tam'], customer: ['contract_owner', 'it_manager'] },
		duties: allSupplier(),
		preparation: null
	},
	{
		key: 'tactical',
		level: 'tactical',
		name: l('Taktiskt forum', 'Tactical forum'),
		purpose: l(
			'Fokus på kundens verksamhetsmål och avtalets syfte ur ett verksamhetsperspektiv; ansvar för relations-, avtals- och kommersiella frågor, affärsuppföljning och prognoser.',
			"Focus on the customer's business goals and the purpose of the agreement; owns relation, contract and commercial questions, business follow-up and forecasts."
		),
		cadence: { minPerYear: 1, maxPerYear: 2, text: l('1–2 gånger per år', '1–2 times a year') },
		tasks: [
			l(
				'Utvärdera och följa upp taktiska och operativa initiativ och projekt som inte ägs av annat forum',
				'Evaluate and follow up tactical and operational initiatives and projects not owned by another forum'
			),
			l('Säkerställa att tjänsterna stödjer kundens verksamhetsmål', "Make sure the services support the customer's business goals"),
			l('Besluta kring förbättringsförslag och proaktiva initiativ', 'Decide on improvement proposals and proactive initiatives'),
			l('Följa trender för användarnöjdhet och initiera åtgärder vid behov', 'Follow trends in user satisfaction and start actions when needed'),
			l('Etablera och följa upp beslutade nyckeltal (KPI:er)', 'Establish and follow up decided KPIs'),
			l('Följa upp föregående periods fakturering', "Follow up the previous period's invoicing")
		],
		agenda: [
			{ kind: 'previous_minutes', title: l('Föregående protokoll', 'Previous minutes'), minutes: 10 },
			{ kind: 'other', title: l('Initiativ och projekt', 'Initiatives and projects'), minutes: 25 },
			{ kind: 'statistics_sla', title: l('Nyckeltal och användarnöjdhet', 'KPIs and user satisfaction'), minutes: 20 },
			{ kind: 'other', title: l('Förbättringsförslag', 'Improvement proposals'), minutes: 20 },
			{ kind: 'invoicing', title: l('Fakturering och avtal', 'Invoicing and agreement'), minutes: 15 },
			{ kind: 'activity_review', title: l('Genomgång av aktivitetslista', 'Review of the activity list'), minutes: 10 }
		],
		participants: { supplier: ['bam', 'tam'], customer: ['contract_owner', 'it_manager'] },
		duties: allSupplier(),
		preparation: l(
			'Informations- och beslutsmaterial delas ut till forumets medlemmar före mötet.',
			'Information and decision material is handed out to the members before the meeting.'
		),
		// the governance model: material is handed out before the meeting (issue 16)
		materialLeadDays: 5
	},
	{
		key: 'security',
		level: 'tactical',
		name: l('IT-säkerhetsgrupp', 'IT security group'),
		purpose: l(
			'Säkerhetsfrågor tas upp i samband med taktiskt forum. Leverantören ska möjliggöra att erforderliga tekniska skydd tillhandahålls så att kundens informationssäkerhetspolicy efterlevs.',
			"Security questions are taken up together with the tactical forum. The supplier provides the technical protection needed for the customer's information-security policy to be followed."
		),
		cadence: { minPerYear: 1, maxPerYear: 2, text: l('I samband med taktiskt forum', 'Together with the tactical forum') },
		tasks: [
			l('Arbete med policyer för leverantören och kunden', 'Work on policies for the supplier and the customer'),
			l(
				'Säkerställa att leverantören följer kundens riktlinjer för informationssäkerhet',
				"Make sure the supplier follows the customer's information-security guidelines"
			)
		],
		agenda: [
			{ kind: 'previous_minutes', title: l('Föregående protokoll', 'Previous minutes'), minutes: 10 },
			{ kind: 'incident_follow_up', title: l('Säkerhetsincidenter', 'Security incidents'), minutes: 20 },
			{ kind: 'other', title: l('Policyer och riktlinjer', 'Policies and guidelines'), minutes: 20 },
			{ kind: 'risks', title: l('Risker och skyddsåtgärder', 'Risks and safeguards'), minutes: 20 },
			{ kind: 'activity_review', title: l('Genomgång av aktivitetslista', 'Review of the activity list'), minutes: 10 }
		],
		participants: { supplier: ['security_officer'], customer: ['security_officer', 'infosec_coordinator'] },
		duties: allSupplier(),
		preparation: null
	},
	{
		key: 'operational',
		level: 'operational',
		name: l('Operativt forum', 'Operational forum'),
		purpose: l(
			'Styra och följa upp de löpande leveranserna av tjänsterna och överenskomna servicenivåer; ansvarar också för förändringar inom organisation, arbetssätt och kompetens.',
			'Steer and follow up the running delivery of the services and the agreed service levels; also owns changes in organisation, ways of working and competence.'
		),
		cadence: { minPerYear: 1, maxPerYear: 12, text: l('1–12 gånger per år', '1–12 times a year') },
		tasks: [
			l('Uppföljning av operativa initiativ', 'Follow up operational initiatives'),
			l('Löpande följa upp åtagandet', 'Follow up the commitment continuously'),
			l('Hantera eskalerade ärenden', 'Handle escalated cases'),
			l('Hantera prisfrågor för gällande tjänster', 'Handle price questions for current services'),
			l('Besluta om löpande operativa förändringar', 'Decide on running operational changes'),
			l('Uppdatera samverkanshandboken', 'Update the collaboration handbook'),
			l(
				'Etablera och följa upp beslutade nyckeltal (KPI:er) och vid behov initiera åtgärder',
				'Establish and follow up decided KPIs and start actions when needed'
			)
		],
		agenda: [
			{ kind: 'previous_minutes', title: l('Föregående protokoll', 'Previous minutes'), minutes: 5 },
			{ kind: 'supplier_info', title: l('Generell information från leverantören', 'General information from the supplier'), minutes: 10 },
			{ kind: 'customer_info', title: l('Generell information från kunden', 'General information from the customer'), minutes: 10 },
			{ kind: 'incident_follow_up', title: l('Incidentuppföljning', 'Incident follow-up'), minutes: 15 },
			{ kind: 'operations_status', title: l('Driftssituation', 'Operations situation'), minutes: 10 },
			{ kind: 'statistics_sla', title: l('Presentation av statistik och SLA', 'Statistics and SLA'), minutes: 15 },
			{ kind: 'escalations', title: l('Eskaleringar', 'Escalations'), minutes: 10 },
			{ kind: 'activity_review', title: l('Genomgång av aktivitetslista', 'Review of the activity list'), minutes: 10 }
		],
		participants: {
			supplier: ['bam', 'incident_manager', 'tam'],
			customer: ['contract_owner', 'service_owner', 'it_manager']
		},
		duties: allSupplier(),
		preparation: null
	},
	{
		key: 'cab',
		level: 'operational',
		name: l('Ändringsforum (CAB)', 'Change Advisory Board (CAB)'),
		purpose: l(
			'Bedöma ändringsförslag inför förändringar: risk- och konsekvensanalys och rekommendation till beslutande instans.',
			'Assess change proposals before changes: risk and consequence analysis and a recommendation to the deciding body.'
		),
		cadence: { minPerYear: null, maxPerYear: null, text: l('Inför förändringar eller vid behov', 'Before changes or as needed') },
		tasks: [
			l('Bedöma ändringsförslag', 'Assess change proposals'),
			l('Risk- och konsekvensanalys', 'Risk and consequence analysis'),
			l('Riskminimering', 'Risk minimisation'),
			l('Lämna rekommendationer till beslutande instans', 'Give recommendations to the deciding body'),
			l('Kalla in expertis och tjänsteägare efter behov', 'Call in expertise and service owners as needed')
		],
		agenda: [
			{ kind: 'previous_minutes', title: l('Genomgång av föregående mötesprotokoll', 'Review of the previous minutes'), minutes: 5 },
			{ kind: 'cab_changes', title: l('Genomgång av förändringar som ska genomföras', 'Review of the changes to be carried out'), minutes: 30 },
			{ kind: 'risks', title: l('Genomgång av risker och konsekvenser', 'Review of risks and consequences'), minutes: 15 }
		],
		participants: { supplier: ['change_manager'], customer: ['change_owner'] },
		duties: allSupplier(),
		preparation: l(
			'Kunden representeras av berörd ansvarig för respektive ändring.',
			'The customer is represented by the person responsible for each change.'
		)
	}
];
