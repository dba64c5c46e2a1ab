import type { Label, Template } from '@/domain/catalogue';

export type SourceFormat = 'html' | 'docx' | 'text' | 'pdf';

/**
 * Where one value came from. Tables (HTML/DOCX) give table/row/col of the grid after spans are
 * expanded; PDFs give page and the text item's coordinates (PDF points, origin bottom left);
 * plain text gives character offsets into the decoded text and the 1-based line.
 */
export interface Provenance {
  readonly format: SourceFormat;
  /** The text of the source cell as printed (before normalisation). */
  readonly text: string;
  readonly table?: number;
  readonly row?: number;
  readonly col?: number;
  readonly page?: number;
  readonly x?: number;
  readonly y?: number;
  readonly start?: number;
  readonly end?: number;
  readonly line?: number;
  /** A unit printed with the value, e.g. 元 in "251000元". */
  readonly unit?: string;
}

export type WarningSeverity = 'error' | 'warning' | 'info';

export interface IngestWarning {
  readonly code: string;
  readonly message: Label;
  readonly cells?: readonly string[];
  /** `error`: the file could not be read at all; `info`: a note, nothing was lost. Default warning. */
  readonly severity?: WarningSeverity;
}

export interface ParsedReport {
  readonly fileName: string;
  readonly format: SourceFormat;
  readonly agencyName: string | null;
  readonly year: number | null;
  readonly template: Template | null;
  /** Every cell of the detected template; null where the source shows nothing readable. */
  readonly cells: Record<string, number | null>;
  readonly provenance: Record<string, Provenance>;
  readonly warnings: IngestWarning[];
}

export interface ParseInput {
  readonly name: string;
  readonly bytes: Uint8Array | string;
  readonly mime?: string;
}

/** One cell of a source line: a table cell, a text run between separators, or a PDF text run. */
export interface SourceCell {
  readonly text: string;
  /** Horizontal start/end in the source's own unit (grid column, display column, PDF points). */
  readonly x?: number;
  readonly x2?: number;
  /** True when the source has real cell structure, so a blank cell is a real empty cell. */
  readonly structured: boolean;
  readonly prov: Provenance;
}

export interface SourceLine {
  readonly cells: readonly SourceCell[];
  /** Lines of one table share an id; free text lines have none. */
  readonly table?: number;
}

/** What every format reader produces before mapping to catalogue cells. */
export interface SourceDocument {
  readonly format: SourceFormat;
  readonly lines: readonly SourceLine[];
  /** Whole text, for identity detection (title, year, agency). */
  readonly text: string;
  readonly warnings: IngestWarning[];
}
