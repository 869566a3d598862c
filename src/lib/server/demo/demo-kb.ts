/**
 * Demo knowledge base: self-help guides per service and articles shared with
 * every customer, a few per customer, one for customer admins only and one
 * supplier-internal, so the audience and tenancy rules show in the demo.
 * Each customer has its own views and answers (counts are per customer).
 */
import type { Db } from '$lib/server/db';
import { SYSTEM_ACTOR } from '../domain/actor';
import { createArticle } from '../domain/kb/kb.service';
import { insertArticleAnswer, insertArticleViews, peopleOfCustomer } from './demo.repository';

interface DemoArticle {
	title: string;
	summary: string;
	category: string;
	service?: string;
	kind: 'article' | 'guide';
	audience: 'users' | 'admins' | 'internal';
	markup: string;
}

const SHARED: DemoArticle[] = [
	{
		title: 'Återställa lösenord',
		summary: 'Har du glömt lösenordet eller har det gått ut? Så byter du det själv på några minuter.',
		category: 'Inloggning och konton',
		service: 'Inloggning och konton',
		kind: 'guide',
		audience: 'users',
		markup: `## Innan du börjar
Du behöver din mobiltelefon med BankID eller det registrerade mobilnumret för sms-kod.

1. Gå till **Mina sidor** på [lösenordsportalen](https://losen.itmastaren.example).
2. Välj Glömt lösenord och legitimera dig med BankID eller sms-kod.
3. Skriv ett nytt lösenord: minst 14 tecken, gärna en mening med tre eller fler ord.
4. Logga ut och in igen på datorn så att det nya lösenordet används överallt.

## Om det inte fungerar
Är kontot låst efter för många försök låses det upp automatiskt efter 15 minuter. Kontakta annars servicedesk på 010-123 45 00.`
	},
	{
		title: 'Så anmäler du en incident',
		summary: 'När något har slutat fungera: vad servicedesk behöver veta och hur du följer ärendet.',
		category: 'Servicedesk',
		service: 'Servicedesk',
		kind: 'guide',
		audience: 'users',
		markup: `## Anmäl i portalen eller per telefon
1. Öppna självserviceportalen och välj Anmäl fel.
2. Beskriv vad som inte fungerar, sedan när och hur många som påverkas.
3. Bifoga en skärmbild om du har ett felmeddelande.
4. Skicka. Du får ett ärendenummer (INC…) per e-post.

Brådskande fel som stoppar verksamheten anmäler du alltid per telefon: 010-123 45 00.

## Prioritet
Prioriteten sätts av servicedesk utifrån påverkan och brådska enligt avtalet. P1 betyder att en hel verksamhet står still.`
	},
	{
		title: 'Beställa behörighet',
		summary: 'Behörighet till system och gemensamma mappar beställs av din chef i beställningsportalen.',
		category: 'Behörigheter',
		service: 'Inloggning och konton',
		kind: 'article',
		audience: 'users',
		markup: `Behörigheter till verksamhetssystem, gemensamma mappar och funktionsbrevlådor beställs av närmaste chef eller den som är behörighetsansvarig för systemet.

- Beställningen görs i beställningsportalen under Behörigheter.
- Ange vilket system, vilken roll och från vilket datum.
- Leveranstid är normalt två arbetsdagar efter godkännande.

Behörigheter som inte längre behövs tas bort på samma sätt. Kontrollera dem minst en gång per år.`
	},
	{
		title: 'Skrivaren skriver inte ut',
		summary: 'När utskriften fastnar: kontrollera kön, papperet och tonern innan du anmäler fel.',
		category: 'Skrivare och utskrift',
		service: 'Utskrift',
		kind: 'guide',
		audience: 'users',
		markup: `## Kontrollera först
1. Titta i utskriftskön på datorn om dokumentet ligger kvar, och ta bort det om det har fastnat.
2. Kontrollera att det finns papper i facket och att tonerkassetten inte är tom.
3. Stäng av nätverksskrivaren, vänta en halv minut och starta den igen.

## Om det fortfarande inte fungerar
Anmäl en incident och ange skrivarens namn, som står på etiketten på framsidan.`
	},
	{
		title: 'Brandväggen blockerar en tjänst',
		summary: 'När en webbtjänst eller ett program inte når internet: felsökning och beställning av brandväggsöppning.',
		category: 'Nätverk och säkerhet',
		service: 'Nätverk',
		kind: 'guide',
		audience: 'admins',
		markup: `## Felsök först
1. Kontrollera att tjänsten fungerar från en annan dator eller ett annat nät.
2. Notera adress, port och tidpunkt för försöket.

## Beställ en brandväggsöppning
Brandväggsöppningar beställs av kundens IT-ansvarig som en standardändring. Ange källa, mål, port och protokoll, affärsbehov och hur länge öppningen ska gälla. Öppningar utan slutdatum granskas i IT-säkerhetsgruppen varje kvartal.`
	},
	{
		title: 'Rutin: eskalering av P1-incident',
		summary: 'Internt: vem som larmas och när vid en P1.',
		category: 'Incidenthantering',
		kind: 'article',
		audience: 'internal',
		markup: `Vid P1 larmar servicedesk incident manager inom 15 minuter. Incident manager informerar kundens IT-ansvarig och beslutar om krisgrupp. Efter 2 timmar utan lösning eskaleras till leveransansvarig.`
	}
];

const PER_CUSTOMER: Record<string, DemoArticle[]> = {
	'Norrby kommun': [
		{
			title: 'VPN för distansarbete',
			summary: 'Så ansluter du till kommunens nät hemifrån med VPN-klienten.',
			category: 'Nätverk och säkerhet',
			service: 'Nätverk',
			kind: 'guide',
			audience: 'users',
			markup: `1. Starta VPN-klienten Norrby Anslut från startmenyn.
2. Logga in med ditt vanliga konto och godkänn i BankID-appen.
3. Vänta tills ikonen blir grön. Nu når du verksamhetssystemen.

Fungerar inte anslutningen? Starta om datorn och försök igen innan du anmäler en incident.`
		},
		{
			title: 'Licensrapport Microsoft 365',
			summary: 'För kundens administratörer: så läser du månadens licensrapport.',
			category: 'Licenser',
			kind: 'article',
			audience: 'admins',
			markup: `Licensrapporten skickas den femte vardagen varje månad. Den visar tilldelade och oanvända licenser per förvaltning. Oanvända licenser längre än 60 dagar föreslås för återlämning på nästa operativa forum.`
		}
	],
	'Vattenbolaget Syd AB': [
		{
			title: 'Ändringsfönster för driftnätet',
			summary: 'När ändringar i driftnätet (SCADA) får göras.',
			category: 'Ändringar',
			service: 'Driftnät',
			kind: 'article',
			audience: 'users',
			markup: `Ändringar i driftnätet görs tisdagar 06.00–08.00 efter beslut i ändringsforum. Akuta ändringar kräver godkännande av driftchefen per telefon.`
		}
	]
};

/** The demo logins of the README answer "was this helpful?" themselves, so their first answer shows. */
const ANSWER_THEMSELVES = new Set(['avtal@norrby.example', 'it@norrby.example', 'avtal@vattensyd.example']);

/** A small stable number from a text (FNV-1a), so the demo's counts are the same on every load. */
export function demoNumber(seed: string, max: number): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
	return (h >>> 0) % max;
}

type DemoCustomer = { id: string; name: string };
type CreatedArticle = { id: string; title: string; customerId: string | null; audience: string };

/**
 * Each customer's own use of the articles it reads: views by its people
 * (the larger customer reads more) and a few answers by its people other than
 * the demo logins: mostly "helpful", now and then not. Shared articles get
 * different numbers per customer, as they would.
 */
async function loadDemoCounts(db: Db, customers: DemoCustomer[], articles: CreatedArticle[]) {
	for (const [ci, c] of customers.entries()) {
		const scale = ci === 0 ? 3 : 1;
		const people = await peopleOfCustomer(db, c.id);
		const answering = people.filter((p) => !ANSWER_THEMSELVES.has(p.email));
		for (const a of articles) {
			if (a.audience === 'internal' || (a.customerId !== null && a.customerId !== c.id)) continue;
			const readers = answering.filter((p) => a.audience === 'users' || p.access === 'customer_admin');
			const answers = readers.filter((p) => demoNumber(`${p.email}:${a.title}:answers`, 3) > 0);
			const views = answers.length + 2 + scale * demoNumber(`${c.name}:${a.title}:views`, 25);
			await insertArticleViews(db, { article_id: a.id, customer_id: c.id, views });
			for (const p of answers) {
				const helpful = demoNumber(`${p.email}:${a.title}:helpful`, 5) > 0 ? 1 : 0;
				await insertArticleAnswer(db, { article_id: a.id, person_id: p.id, helpful, at: new Date().toISOString() });
			}
		}
	}
}

export async function loadDemoKb(db: Db, customers: DemoCustomer[]): Promise<void> {
	const [first] = customers;
	if (!first) return;
	const created: CreatedArticle[] = [];
	for (const a of SHARED) created.push(await createArticle(db, SYSTEM_ACTOR, first.id, { ...a, shared: true }));
	for (const c of customers) for (const a of PER_CUSTOMER[c.name] ?? []) created.push(await createArticle(db, SYSTEM_ACTOR, c.id, a));
	await loadDemoCounts(db, customers, created);
}
