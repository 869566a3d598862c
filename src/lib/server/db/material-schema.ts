/** Row types of the decision material tables (migrations/2026-12-06T1700_material.ts). */

export interface MaterialTable {
	id: string;
	meeting_id: string;
	customer_id: string;
	/** the agenda item's id in the agenda document; null: the whole meeting */
	agenda_item_id: string | null;
	/** 1: supplier-internal, never shown to the customer's people */
	internal: number;
	created_by: string | null;
	created_at: string;
}

export interface MaterialVersionsTable {
	id: string;
	material_id: string;
	version: number;
	file_name: string;
	content_type: string;
	size: number;
	sha256: string;
	uploaded_by: string | null;
	uploaded_at: string;
}

/** The bytes, content-addressed (the default MaterialStore). */
export interface MaterialBlobsTable {
	sha256: string;
	size: number;
	bytes: Uint8Array;
	created_at: string;
}

export interface MaterialTables {
	material: MaterialTable;
	material_versions: MaterialVersionsTable;
	material_blobs: MaterialBlobsTable;
}
