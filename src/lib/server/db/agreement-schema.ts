/** Row types of the agreement and invoicing tables (migrations/2026-12-07T0220_agreement.ts). Money: öre (bigint; PostgreSQL hands it over as a string). */

export interface AgreementServicesTable {
	id: string;
	customer_id: string;
	name: string;
	name_key: string;
	service_area: string;
	unit: string;
	created_at: string;
}

export interface AgreementAmendmentsTable {
	id: string;
	customer_id: string;
	kind: string;
	/** yyyy-mm */
	effective_from: string;
	reason: string;
	made_by: string | null;
	made_at: string;
	proposal_id: string | null;
	decision_id: string | null;
	meeting_id: string | null;
}

export interface AgreementTermsTable {
	service_id: string;
	effective_from: string;
	amendment_id: string;
	volume: number;
	unit_price_ore: number | string;
	sla_targets: string;
	active: number;
}

export interface AgreementProposalsTable {
	id: string;
	customer_id: string;
	change: string;
	effective_from: string;
	reason: string;
	proposed_by: string | null;
	proposed_at: string;
	status: 'proposed' | 'accepted' | 'declined';
	decided_by: string | null;
	decided_at: string | null;
	decision_note: string | null;
	amendment_id: string | null;
}

export interface AgreementSettingsTable {
	customer_id: string;
	tolerance_bp: number;
	updated_by: string | null;
	updated_at: string;
}

export interface InvoiceImportsTable {
	id: string;
	customer_id: string;
	imported_by: string | null;
	file_name: string | null;
	report: string;
	imported_at: string;
}

export interface InvoiceLinesTable {
	id: string;
	customer_id: string;
	period: string;
	invoice_number: string;
	service_id: string;
	quantity: number;
	unit_price_ore: number | string;
	amount_ore: number | string;
	import_id: string;
	updated_at: string;
}

export interface AgreementTables {
	agreement_services: AgreementServicesTable;
	agreement_amendments: AgreementAmendmentsTable;
	agreement_terms: AgreementTermsTable;
	agreement_proposals: AgreementProposalsTable;
	agreement_settings: AgreementSettingsTable;
	invoice_imports: InvoiceImportsTable;
	invoice_lines: InvoiceLinesTable;
}
