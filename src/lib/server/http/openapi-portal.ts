/**
 * The customer-portal part of the OpenAPI document: the SLA report per month
 * or quarter with its drill-down and CSV exports, report grants, and the
 * knowledge base (articles, versions, feedback, search). openapi.ts merges
 * these into its tables.
 */
import { z } from 'zod';
import { ArticleInput, FeedbackInput, KB_AUDIENCES, KB_KINDS } from '../domain/kb/kb.service';
import { PORTAL_REPORTS, ReportGrantInput } from '../domain/tenancy/report-grants.service';
import type { ApiOperation } from './openapi';
import { ITSM_OUTPUT_SCHEMAS } from './openapi-itsm';

const uuid = () => z.uuid();
const timestamp = () => z.iso.datetime();
const ratio = () => z.number().min(0).max(1).nullable();
const Light = z.enum(['green', 'amber', 'red']).nullable();

const ReportPeriod = z.strictObject({
	key: z.string().describe('"2026-10" or "2026-Q3"'),
	kind: z.enum(['month', 'quarter']),
	year: z.int(),
	index: z.int().describe('month 1..12 or quarter 1..4'),
	from: timestamp(),
	to: timestamp(),
	firstDay: z.iso.date().describe('first day of the period (Stockholm), inclusive'),
	lastDay: z.iso.date().describe('last day of the period (Stockholm), inclusive')
});
const Localized = z.strictObject({ sv: z.string(), en: z.string() });
const Target = z.strictObject({ target: z.number(), amber: z.number() }).nullable();

const PortalSlaReport = z.strictObject({
	period: ReportPeriod,
	periodLabel: Localized.describe('the period as every surface shows it, e.g. "1 okt. 2026 – 31 okt. 2026"'),
	sla: ITSM_OUTPUT_SCHEMAS.SlaReport.describe('the same figures as GET /customers/{id}/sla for the period'),
	targets: z.strictObject({ response: Target, resolution: Target }),
	lights: z.strictObject({
		response: z.array(Light),
		resolution: z.array(Light),
		total: z.strictObject({ response: Light, resolution: Light })
	}),
	trend: z
		.array(
			z.strictObject({
				key: z.string(),
				from: timestamp(),
				to: timestamp(),
				response: ratio(),
				resolution: ratio(),
				tickets: z.strictObject({ response: z.int(), resolution: z.int() }).describe('the tickets behind each share'),
				tooFewTickets: z.strictObject({ response: z.boolean(), resolution: z.boolean() }).describe('fewer tickets than the minimum: not shown as a percentage')
			})
		)
		.describe('the 12 months or 4 quarters ending with the period, oldest first')
});

const SlaDrillDown = z.strictObject({
	period: ReportPeriod,
	metric: z.enum(['response', 'resolution']),
	outcome: z.enum(['met', 'breached']),
	priority: z.int().nullable(),
	total: z.int().nonnegative().describe('equals the figure of the report'),
	tickets: z.array(ITSM_OUTPUT_SCHEMAS.Ticket),
	limit: z.int(),
	offset: z.int()
});

const ReportGrants = z.strictObject({
	members: z.array(z.strictObject({ personId: uuid(), name: z.string(), email: z.string(), reports: z.array(z.enum(PORTAL_REPORTS)) }))
});

const ArticleSummary = z.strictObject({
	id: uuid(),
	customerId: uuid().nullable(),
	shared: z.boolean().describe('shared with every customer'),
	audience: z.enum(KB_AUDIENCES),
	kind: z.enum(KB_KINDS),
	category: z.string(),
	service: z.string().nullable(),
	title: z.string(),
	summary: z.string(),
	version: z.int(),
	views: z.int().describe("views by the people of the customer in the path (`{id}`) only; supplier staff's reads are not counted"),
	helpfulYes: z.int().describe('"helpful" answers by the people of the customer in the path only'),
	helpfulNo: z.int().describe('"not helpful" answers by the people of the customer in the path only'),
	updatedAt: timestamp()
});
const Article = ArticleSummary.extend({
	blocks: z.array(z.looseObject({ type: z.string() })).describe('renderer-neutral blocks (text runs; links only http(s)/mailto)'),
	body: z.unknown().describe('Lexical SerializedEditorState of the current version'),
	myFeedback: z.boolean().nullable(),
	versions: z.array(z.strictObject({ version: z.int(), title: z.string(), createdAt: timestamp(), by: z.string().nullable() })),
	mayEdit: z.boolean()
});
const SearchHit = ArticleSummary.extend({ snippet: z.string() });

export const PORTAL_OUTPUT_SCHEMAS = { PortalSlaReport, SlaDrillDown, ReportGrants, ArticleSummary, Article, SearchHit } satisfies Record<string, z.ZodType>;
export const PORTAL_INPUT_SCHEMAS = { ReportGrantInput, ArticleInput, FeedbackInput } satisfies Record<string, z.ZodType>;

const PERIOD = { period: { schema: z.string().max(20), description: 'A month (yyyy-mm) or a quarter (yyyy-Qn), Stockholm time; default the current month' } };
const DRILL = {
	...PERIOD,
	metric: { schema: z.enum(['response', 'resolution']), description: 'Which SLA metric (required)' },
	outcome: { schema: z.enum(['met', 'breached']), description: 'Which figure (required)' },
	priority: { schema: z.int().min(1).max(5), description: 'One priority row; without: the total row' }
};
const CSV = 'CSV for Swedish Excel: UTF-8 with BOM, `;` between fields, decimal comma, CRLF; cells that would start a formula are prefixed with an apostrophe.';

export const PORTAL_OPERATIONS: ApiOperation[] = [
	{
		method: 'get',
		path: '/api/v1/customers/{id}/reports/sla',
		operationId: 'getPortalSlaReport',
		tag: 'portal',
		summary: 'SLA report of a month or quarter: compliance per priority and metric against target, and the trend',
		description: 'Customer admins and supplier staff always; a customer member once granted the report (else 403).',
		query: PERIOD,
		success: { status: 200, description: 'The report', schema: z.strictObject({ report: PortalSlaReport }) },
		errors: [403]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/reports/sla/tickets',
		operationId: 'getPortalSlaDrillDown',
		tag: 'portal',
		summary: 'The tickets behind one figure of the SLA report',
		query: {
			...DRILL,
			limit: { schema: z.int().min(1).max(5000), description: 'Page size (default 500)' },
			offset: { schema: z.int().min(0), description: 'Skip this many' }
		},
		success: { status: 200, description: 'Tickets', schema: z.strictObject({ drillDown: SlaDrillDown }) },
		errors: [403]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/reports/sla.csv',
		operationId: 'exportPortalSlaReportCsv',
		tag: 'portal',
		summary: 'The SLA report as CSV (text/csv)',
		description: CSV,
		query: PERIOD,
		success: { status: 200, description: 'text/csv attachment' },
		errors: [403]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/reports/sla.pdf',
		operationId: 'exportPortalSlaReportPdf',
		tag: 'portal',
		summary: 'The SLA report as PDF (application/pdf): tables per metric and the trend',
		query: { ...PERIOD, lang: { schema: z.enum(['sv', 'en']), description: "Language of the file; default the reader's" } },
		success: { status: 200, description: 'application/pdf attachment' },
		errors: [403]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/reports/sla/tickets.csv',
		operationId: 'exportPortalSlaDrillDownCsv',
		tag: 'portal',
		summary: 'The tickets behind one figure as CSV (text/csv, at most 5000)',
		description: CSV,
		query: DRILL,
		success: { status: 200, description: 'text/csv attachment' },
		errors: [403]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/reports/cases',
		operationId: 'getPortalCasesReport',
		tag: 'portal',
		summary: 'Case handling of a month or quarter: KPI report (without the SLA figures, which are the SLA report\'s), new tickets by category, channel and priority, changes by outcome, trend',
		query: PERIOD,
		success: { status: 200, description: 'The report', schema: z.strictObject({ report: z.looseObject({ period: ReportPeriod, kpi: ITSM_OUTPUT_SCHEMAS.KpiReport.omit({ sla: true }) }) }) },
		errors: [403]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/reports/cases.csv',
		operationId: 'exportPortalCasesReportCsv',
		tag: 'portal',
		summary: 'The case-handling report as CSV (one row per table, key and measure)',
		description: CSV,
		query: PERIOD,
		success: { status: 200, description: 'text/csv attachment' },
		errors: [403]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/reports/meetings',
		operationId: 'getPortalMeetingsReport',
		tag: 'portal',
		summary: "Meetings report: calendar by forum level, approved minutes, open actions by side, decision register, governance health",
		query: { q: { schema: z.string().max(200), description: 'Only decisions whose text contains this' } },
		success: {
			status: 200,
			description: 'The report',
			schema: z.strictObject({
				report: z.strictObject({
					calendar: z.array(z.looseObject({ level: z.enum(['strategic', 'tactical', 'operational']), meetings: z.array(z.looseObject({ id: uuid() })) })),
					approvedMinutes: z.array(z.looseObject({ id: uuid(), approvedAt: timestamp().nullable() })),
					openActions: z.strictObject({ customer: z.array(z.looseObject({})), supplier: z.array(z.looseObject({})), unassigned: z.array(z.looseObject({})) }),
					decisions: z.array(z.looseObject({ id: z.string(), text: z.string(), status: z.literal('decided') })).describe('decided decisions only (minutes approved); proposals are not in the portal'),
					health: z.looseObject({ customerId: uuid() })
				})
			})
		},
		errors: [403]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/reports/meetings.csv',
		operationId: 'exportPortalMeetingsCsv',
		tag: 'portal',
		summary: 'The decision register or the open actions as CSV',
		description: CSV,
		query: {
			table: { schema: z.enum(['decisions', 'actions']), description: 'Which table (required)' },
			q: { schema: z.string().max(200), description: 'Decisions: only those containing this' }
		},
		success: { status: 200, description: 'text/csv attachment' },
		errors: [403]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/report-grants',
		operationId: 'listReportGrants',
		tag: 'portal',
		summary: 'Which reports each member of the customer may see (customer admin, supplier admin)',
		success: { status: 200, description: 'Grants', schema: z.strictObject({ grants: ReportGrants }) },
		errors: [403]
	},
	{
		method: 'put',
		path: '/api/v1/customers/{id}/report-grants',
		operationId: 'setReportGrants',
		tag: 'portal',
		summary: "Replaces the reports one member of the customer may see",
		body: 'ReportGrantInput',
		success: { status: 200, description: 'Grants', schema: z.strictObject({ grants: ReportGrants }) },
		errors: [403]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/articles',
		operationId: 'listArticles',
		tag: 'knowledge base',
		summary: "Knowledge-base articles the caller reads: the customer's own and the shared ones, by audience",
		description: 'An API token needs the scope `kb:read` and reads what every user of its customer reads.',
		query: {
			kind: { schema: z.enum(KB_KINDS), description: 'Only articles or only guides' },
			category: { schema: z.string().max(100), description: 'Only this category' },
			service: { schema: z.string().max(100), description: 'Only this service' }
		},
		success: { status: 200, description: 'Articles', schema: z.strictObject({ articles: z.array(ArticleSummary) }) },
		errors: [403]
	},
	{
		method: 'post',
		path: '/api/v1/customers/{id}/articles',
		operationId: 'createArticle',
		tag: 'knowledge base',
		summary: 'Publishes an article (version 1): supplier staff, or the customer admin for its own customer',
		description: '`body` is a Lexical SerializedEditorState, or send `markup` (## heading, - bullet, 1. step, **bold**, [text](https://…)). `shared`: for every customer (supplier staff).',
		body: 'ArticleInput',
		success: { status: 201, description: 'The article', schema: z.strictObject({ article: Article }) },
		errors: [403]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/articles/{articleId}',
		operationId: 'getArticle',
		tag: 'knowledge base',
		summary: 'One article with its versions; another audience or customer is 404',
		description: 'Views and helpful counts are those of the customer in the path. Reading through the API does not count a view (the article page does). An API token needs the scope `kb:read`.',
		success: { status: 200, description: 'The article', schema: z.strictObject({ article: Article }) },
		errors: [403]
	},
	{
		method: 'put',
		path: '/api/v1/customers/{id}/articles/{articleId}',
		operationId: 'updateArticle',
		tag: 'knowledge base',
		summary: 'Saves a new version of an article',
		body: 'ArticleInput',
		success: { status: 200, description: 'The article', schema: z.strictObject({ article: Article }) },
		errors: [403]
	},
	{
		method: 'post',
		path: '/api/v1/customers/{id}/articles/{articleId}/feedback',
		operationId: 'giveArticleFeedback',
		tag: 'knowledge base',
		summary: '"Was this helpful?": one answer per person, answering again replaces it',
		description: "An answer counts for the answering person's own customer; supplier staff's answers are kept but counted for no customer. A person's answer: never an API token's (403).",
		body: 'FeedbackInput',
		success: {
			status: 200,
			description: 'The counts of the customer in the path after the answer',
			schema: z.strictObject({ feedback: z.strictObject({ helpful: z.boolean(), helpfulYes: z.int(), helpfulNo: z.int() }) })
		},
		errors: [403]
	},
	{
		method: 'get',
		path: '/api/v1/customers/{id}/search',
		operationId: 'searchKnowledgeBase',
		tag: 'knowledge base',
		summary: 'Full-text search in Swedish over the articles the caller reads, best match first',
		description: 'Inflected Swedish words find their base form (stem + prefix match). Any input is accepted; nothing searchable gives an empty list. An API token needs the scope `kb:read`.',
		query: { q: { schema: z.string(), description: 'What to look for (the first 500 characters count)' } },
		success: { status: 200, description: 'Hits', schema: z.strictObject({ results: z.array(SearchHit) }) },
		errors: [403]
	}
];
