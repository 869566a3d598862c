/**
 * Payloads of the live room's client events, validated on the server before
 * anything else runs (a malformed payload is answered with `room:error` and
 * changes nothing). Shared with the browser, which builds them.
 */
import { z } from 'zod';
import { hasNoControlCharacters, NO_CONTROL_CHARACTERS } from '$lib/text-rules';
import { SLIDE_KEYS } from './slides';
import { DUTIES } from '$lib/domain-types';

/** The duties, as the domain lists them ($lib/domain-types). */
export const DUTY_KEYS = DUTIES;
export type DutyKey = (typeof DUTY_KEYS)[number];

const uuid = () => z.uuid();

export const JoinPayload = z.strictObject({ meetingId: uuid() });
export const SlidePayload = z.strictObject({ slide: z.int().min(0).max(SLIDE_KEYS.length - 1) });
/** Pages of a presented PDF, 1-based; the server cannot know the count, so each browser keeps inside its own copy. */
export const MAX_PAGE = 9999;
export const PagePayload = z.strictObject({ page: z.int().min(1).max(MAX_PAGE) });
export const PresentMaterialPayload = z.strictObject({ materialId: uuid(), page: PagePayload.shape.page.optional() });
export const EmptyPayload = z.strictObject({}).optional();
/** Starting the meeting more than an hour before its time needs `confirmEarly` (governance/early-start.ts). */
export const StartMeetingPayload = z.strictObject({ confirmEarly: z.boolean().optional() }).optional();
/** Starting to present may name the slide to start from, so start and position are one step. */
export const PresentStartPayload = z.strictObject({ slide: SlidePayload.shape.slide.optional() }).optional();
export const DutyPayload = z.strictObject({
	duty: z.enum(DUTY_KEYS),
	party: z.enum(['supplier', 'customer']),
	personId: uuid().nullable(),
	scope: z.enum(['meeting', 'forum'])
});
export const PassPresenterPayload = z.strictObject({ personId: uuid() });
export const ItemPayload = z.strictObject({ itemId: z.string().min(1).max(64).nullable() });
export const HandPayload = z.strictObject({ personId: uuid().optional() });
export const NotePayload = z.strictObject({ slide: z.enum(SLIDE_KEYS), text: z.string().max(4000).refine(hasNoControlCharacters, NO_CONTROL_CHARACTERS) });
export const VoteOpenPayload = z.strictObject({ changeId: uuid() });
export const VoteCastPayload = z.strictObject({ changeId: uuid(), choice: z.enum(['approve', 'reject', 'abstain']) });
export const VoteClosePayload = z.strictObject({
	changeId: uuid(),
	recommendation: z.enum(['approve', 'reject', 'defer']).optional(),
	rationale: z.string().trim().max(2000).refine(hasNoControlCharacters, NO_CONTROL_CHARACTERS).default('')
});

export type DutyInput = z.input<typeof DutyPayload>;
export type VoteChoiceKey = z.output<typeof VoteCastPayload>['choice'];
export type RecommendationKey = 'approve' | 'reject' | 'defer';
