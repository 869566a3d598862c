import { m } from '$lib/paraglide/messages';
import type { OutboxStatus } from '$lib/server/domain/outbox/outbox.tables';

export const OUTBOX_STATUSES: OutboxStatus[] = ['pending', 'digest', 'sent', 'kept', 'dead'];

export const outboxStatusLabel = (s: OutboxStatus): string =>
	({
		pending: m.outbox_status_pending,
		digest: m.outbox_status_digest,
		sent: m.outbox_status_sent,
		kept: m.outbox_status_kept,
		dead: m.outbox_status_dead
	})[s]();

export const outboxStatusTone = (s: OutboxStatus): string =>
	s === 'sent' ? 'bg-emerald-100 text-emerald-800' : s === 'dead' ? 'bg-red-100 text-red-800' : s === 'kept' ? 'bg-slate-100 text-slate-700' : 'bg-amber-100 text-amber-800';
