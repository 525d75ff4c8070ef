/**
 * The shapes of document extraction: a page of text in, mentions with their spans out.
 * Offsets are JavaScript string indices (UTF-16 code units) into the page's text, so that
 * `page.text.slice(start, end) === mention.text` always holds.
 */

export type MentionKind = 'organization' | 'person' | 'identifier' | 'hs_code' | 'model' | 'money' | 'date' | 'flight' | 'place';

export const MENTION_KINDS: readonly MentionKind[] = ['organization', 'person', 'identifier', 'hs_code', 'model', 'money', 'date', 'flight', 'place'];

/** One page of a document's text; pages are numbered from 1. */
export interface PageText {
  page: number;
  text: string;
}

export interface Mention {
  kind: MentionKind;
  /** The text exactly as it stands in the page. */
  text: string;
  /**
   * The normalised value: a name with quotes and spacing cleaned; `inn:1831083343` for an
   * identifier; HS digits; `1200.50 USD`; an ISO date; `SU1234`; `country:ru` or `city:ru:Moscow`.
   */
  value: string;
  page: number;
  start: number;
  end: number;
  /** 0..1: how sure the extractor is that this span is what `kind` says. */
  confidence: number;
  /** The known entity (list entry) the mention was resolved to, or null. */
  entity: string | null;
}

/** A mention before it is placed on a page. */
export type Span = Omit<Mention, 'page' | 'entity'>;

/** What a gazetteer lookup returns: the best known entity for a name, with its score (0..1). */
export interface GazetteerHit {
  id: string;
  score: number;
  /** The entity's schema (Company, Person…), when known. */
  schema?: string | undefined;
}

/**
 * Finds the known entity a candidate name stands for, across scripts and legal forms (the
 * service wires it to the screening engine). `kind` says what the text was proposed as.
 */
export type GazetteerLookup = (candidate: string, kind?: 'organization' | 'person') => GazetteerHit | null;
