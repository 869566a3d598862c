/**
 * The customer-portal part of the OpenAPI document: the SLA report per month
 * or quarter with its drill-down and CSV exports, report grants, and the
 * knowledge base (articles, versions, feedback, search): response schemas
 * and what the route descriptions share. The operations are described next
 * to their routes (an openapi.ts beside each src/routes/api/v1 route); openapi.ts assembles
 * the document.
 */
import { z } from 'zod';
import { timestamp, uuid } from './openapi-schemas';
import { KB_AUDIENCES, KB_KINDS } from '../domain/kb/kb.service';
import { PORTAL_REPORTS } from '../domain/tenancy/report-grants.service';
import { ITSM_OUTPUT_SCHEMAS } from './openapi-itsm';

const ratio = () => z.number().min(0).max(1).nullable();
const Light = z.enum(['green', 'amber', 'red']).nullable();

export const ReportPeriod = z.strictObject({
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

export const PortalSlaReport = z.strictObject({
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

export const SlaDrillDown = z.strictObject({
	period: ReportPeriod,
	metric: z.enum(['response', 'resolution']),
	outcome: z.enum(['met', 'breached']),
	priority: z.int().nullable(),
	total: z.int().nonnegative().describe('equals the figure of the report'),
	tickets: z.array(ITSM_OUTPUT_SCHEMAS.Ticket),
	limit: z.int(),
	offset: z.int()
});

export const ReportGrants = z.strictObject({
	members: z.array(z.strictObject({ personId: uuid(), name: z.string(), email: z.string(), reports: z.array(z.enum(PORTAL_REPORTS)) }))
});

export const ArticleSummary = z.strictObject({
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
export const Article = ArticleSummary.extend({
	blocks: z.array(z.looseObject({ type: z.string() })).describe('renderer-neutral blocks (text runs; links only http(s)/mailto)'),
	body: z.unknown().describe('Lexical SerializedEditorState of the current version'),
	myFeedback: z.boolean().nullable(),
	versions: z.array(z.strictObject({ version: z.int(), title: z.string(), createdAt: timestamp(), by: z.string().nullable() })),
	mayEdit: z.boolean()
});
export const SearchHit = ArticleSummary.extend({ snippet: z.string() });

export const PORTAL_OUTPUT_SCHEMAS = { PortalSlaReport, SlaDrillDown, ReportGrants, ArticleSummary, Article, SearchHit } satisfies Record<string, z.ZodType>;

export const PERIOD_QUERY = { period: { schema: z.string().max(20), description: 'A month (yyyy-mm) or a quarter (yyyy-Qn), Stockholm time; default the current month' } };
/** One figure of the SLA report, as the drill-down takes it. */
export const DRILL = {
	period: PERIOD_QUERY.period.description,
	metric: 'Which SLA metric (required)',
	outcome: 'Which figure (required)',
	priority: 'One priority row; without: the total row'
};
export const CSV_FORMAT = 'CSV for Swedish Excel: UTF-8 with BOM, `;` between fields, decimal comma, CRLF; cells that would start a formula are prefixed with an apostrophe.';
