/**
 * Lays a notification out as a mail's plain-text and HTML parts. The HTML is
 * one table-free column with inline styles (what mail programs render
 * alike); every value is escaped, and the only link is the one to Samverkan.
 */
import { escapeHtml } from '../exports/minutes-html';
import type { MailContent } from './compose-mail';
import { mailLabels, type MailLocale } from './mail-labels';

export function mailText(c: MailContent, locale: MailLocale): string {
	const lines: string[] = [...c.paragraphs, ''];
	for (const [label, value] of c.facts) lines.push(`${label}: ${value}`);
	for (const list of c.lists) {
		lines.push('');
		if (list.title) lines.push(`${list.title}:`);
		list.items.forEach((item, i) => lines.push(list.title === mailLabels(locale).agenda ? `${i + 1}. ${item}` : `- ${item}`));
	}
	lines.push('', `${c.link.label}: ${c.link.href}`, '', '-- ', mailLabels(locale).footer);
	return lines.join('\n');
}

export function mailHtml(c: MailContent, locale: MailLocale): string {
	const l = mailLabels(locale);
	const p = (text: string) => `<p style="margin:0 0 12px">${escapeHtml(text)}</p>`;
	const facts = c.facts.length
		? `<dl style="margin:0 0 12px">${c.facts.map(([k, v]) => `<dt style="font-weight:600;color:#334155">${escapeHtml(k)}</dt><dd style="margin:0 0 6px">${escapeHtml(v)}</dd>`).join('')}</dl>`
		: '';
	const lists = c.lists
		.map((list) => {
			const tag = list.title === l.agenda ? 'ol' : 'ul';
			const title = list.title ? `<h2 style="font-size:15px;margin:16px 0 6px">${escapeHtml(list.title)}</h2>` : '';
			return `${title}<${tag} style="margin:0 0 12px;padding-left:22px;list-style-type:${tag === 'ol' ? 'decimal' : 'disc'}">${list.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
		})
		.join('');
	const button = `<p style="margin:20px 0"><a href="${escapeHtml(c.link.href)}" style="background:#0f766e;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(c.link.label)}</a></p>`;
	return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(c.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f8fafc;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#0f172a">
<div style="max-width:600px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">
<h1 style="font-size:18px;margin:0 0 16px">${escapeHtml(c.subject)}</h1>
${c.paragraphs.map(p).join('')}${facts}${lists}${button}
<p style="margin:24px 0 0;font-size:12px;color:#64748b">${escapeHtml(l.footer)}</p>
</div></body></html>`;
}
