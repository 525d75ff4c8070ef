/**
 * Document ingest: read text, HTML and PDF files, extract mentions with their spans, link
 * organisation and person names to known entities through the screening engine (the active
 * list versions), and store each document with its mentions as ONE version of a dataset
 * (default `docs`), in one transaction: a failure aborts it and leaves the store as it was.
 *
 * Stored: a Document entity per file (PlainText, HyperText, or for a PDF or a text with form
 * feeds Pages, with one Page entity per page carrying that page's exact text; FtM has no page
 * count property: a document has one page, or as many as its Page entities), and a DocumentMention per mention
 * (document, name, mentionKind, value, page, spanStart, spanEnd, confidence, resolved). Every
 * mention value has the provenance `${file}#p${page}:${start}-${end}`; document values have
 * `${file}`. Offsets index the page text as stored (NFC, \n line ends, no leading blanks).
 *
 * A version is a snapshot: ingesting other files into the same dataset replaces the active
 * version. The same files, options and list versions again are recognised and not re-stored.
 */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { DOCUMENT_EXTENSIONS, EXTRACT_DEFAULTS, extractPage, modelPatterns, readDocument } from '../ingest/index.js';
import type { ExtractOptions, GazetteerHit, GazetteerLookup, Mention, SourceDocument } from '../ingest/index.js';
import { OFFICIAL_SOURCES } from '../lists/index.js';
import { Entity, hashId, inputError, isEndtraceError, usageError } from '../model/index.js';
import type { EntityBundle, Issue } from '../model/index.js';
import type { Store, VersionFile, VersionInfo } from '../store/index.js';
import { sha256File } from './file-checksum.js';
import { ScreeningService } from './screening.js';

/** Changes when extraction or storage changes what an ingest of the same files gives. */
export const DOCUMENT_EXTRACTOR_VERSION = 'docs-v1';
export const DEFAULT_DOCUMENT_DATASET = 'docs';
/** Stored text is capped (FtM's text properties hold at most 65,000 characters). */
export const BODY_TEXT_CAP = 60_000;

export interface IngestDocumentsOptions {
  /** Dataset (source) the version is written to; default `docs`. */
  dataset?: string | undefined;
  /** Model-number patterns (regular expression sources) used instead of the defaults. */
  models?: readonly string[] | undefined;
  /** The screening service to link names with; a new one over the store by default. */
  screening?: ScreeningService | undefined;
  /** A lookup to use instead of the screening engine (null: no linking). */
  lookup?: GazetteerLookup | null | undefined;
  /** Other extraction options (thresholds, lookups per page, kinds). */
  extract?: Partial<Omit<ExtractOptions, 'lookup' | 'models'>> | undefined;
  /** Record unusable files as issues and go on, instead of failing the ingest. */
  skipBad?: boolean | undefined;
  noActivate?: boolean | undefined;
  progress?: IngestDocumentsProgress | undefined;
}

export interface IngestDocumentsProgress {
  files?(total: number): void;
  fileDone?(index: number, doc: IngestedDocument | null, file: string): void;
}

export interface IngestedDocument {
  /** The Document entity's id. */
  document: string;
  file: string;
  format: SourceDocument['format'];
  title: string;
  pages: number;
  mentions: Mention[];
}

export interface IngestDocumentsReport {
  dataset: string;
  status: 'loaded' | 'unchanged';
  version: VersionInfo | null;
  /** Versions of the lists names were linked against. */
  lists: Record<string, string>;
  documents: IngestedDocument[];
  /** Paths inside folders that are not documents (by extension). */
  skipped: string[];
  issues: Issue[];
}

interface DocumentFile {
  path: string;
  /** Name in messages and provenance: the file's name, or its path below the folder given. */
  name: string;
}

const DATASET_NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/i;

/** The files to ingest: files as given, and the documents (by extension) inside folders, sorted. */
export async function documentFiles(paths: readonly string[]): Promise<{ files: DocumentFile[]; skipped: string[] }> {
  const files: DocumentFile[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const names = new Set<string>();
  const addFile = (path: string, name: string) => {
    const abs = resolve(path);
    if (seen.has(abs)) return;
    seen.add(abs);
    let unique = name;
    if (names.has(unique)) unique = relative(process.cwd(), abs).split(sep).join('/') || abs;
    names.add(unique);
    files.push({ path: abs, name: unique });
  };
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (err) {
      throw inputError(`no such file or folder (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { file: p }, 'not_found', err);
    }
    if (info.isDirectory()) {
      const root = resolve(p);
      const found: string[] = [];
      await walk(root, found, skipped);
      found.sort();
      for (const f of found) addFile(f, [basename(root), ...relative(root, f).split(sep)].join('/'));
    } else {
      addFile(p, basename(p));
    }
  }
  return { files, skipped };
}

async function walk(dir: string, found: string[], skipped: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) await walk(full, found, skipped);
    else if (e.isFile()) {
      const ext = e.name.slice(e.name.lastIndexOf('.')).toLowerCase();
      if (e.name.includes('.') && ext in DOCUMENT_EXTENSIONS) found.push(full);
      else skipped.push(full);
    }
  }
}

/** Page text as stored and indexed: NFC, no control characters but \n and \t, no leading or trailing blanks. */
export function normalisePageText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => (c === '\r' ? '\n' : ''))
    .replace(/^\s+|\s+$/gu, '');
}

const SCHEMA_BY_FORMAT = { text: 'PlainText', html: 'HyperText', pdf: 'Pages' } as const;

function detectLanguages(text: string): string[] {
  const sample = text.slice(0, 20_000);
  const count = (re: RegExp) => sample.match(re)?.length ?? 0;
  const scripts: Array<[string, number]> = [
    ['rus', count(/[\u0400-\u04ff]/g)],
    ['zho', count(/\p{Script=Han}/gu)],
    ['eng', count(/[A-Za-z]/g)],
  ];
  const total = scripts.reduce((n, [, c]) => n + c, 0);
  return total === 0 ? [] : scripts.filter(([, c]) => c / total >= 0.1).map(([l]) => l);
}

/** Caps text without splitting a surrogate pair. */
function cap(text: string, n: number): string {
  if (text.length <= n) return text;
  const cut = text.charCodeAt(n - 1) >= 0xd800 && text.charCodeAt(n - 1) <= 0xdbff ? n - 1 : n;
  return text.slice(0, cut);
}

const DETECTED_SCHEMA: Partial<Record<Mention['kind'], string>> = { organization: 'Company', person: 'Person' };

/** The document and its mentions as one bundle of entities. */
export function documentBundle(doc: SourceDocument, mentions: readonly Mention[]): { bundle: EntityBundle; id: string; title: string } {
  const file = doc.fileName;
  const id = hashId('doc', doc.contentHash);
  // Several pages (a PDF, or text with form feeds as pdftotext writes it): FtM's Pages, with a Page entity each.
  const paged = doc.format === 'pdf' || doc.pages.length > 1;
  const root = new Entity(paged ? 'Pages' : SCHEMA_BY_FORMAT[doc.format], id, { origin: file });
  const firstLine = doc.pages.map((p) => p.text.split('\n').find((l) => l.trim())).find(Boolean)?.trim();
  const title = doc.title ?? (firstLine ? cap(firstLine, 200) : file);
  root.add('title', title);
  root.add('fileName', file);
  root.add('mimeType', doc.mimeType);
  root.add('contentHash', doc.contentHash);
  root.add('fileSize', doc.bytes);
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(file)?.[1];
  if (ext) root.add('extension', ext.toLowerCase());
  if (doc.encoding) root.add('encoding', doc.encoding);
  const body = doc.pages.map((p) => p.text).join('\n\n');
  root.add('detectedLanguage', detectLanguages(body));
  root.add('bodyText', cap(body, BODY_TEXT_CAP));
  const related: Entity[] = [];
  if (paged) {
    for (const p of doc.pages) {
      const page = new Entity('Page', hashId('page', id, p.page), { origin: `${file}#p${p.page}` });
      page.add('document', id);
      page.add('index', p.page);
      page.add('bodyText', cap(p.text, BODY_TEXT_CAP));
      related.push(page);
    }
  }
  for (const m of mentions) {
    const origin = `${file}#p${m.page}:${m.start}-${m.end}`;
    if (m.kind === 'organization') root.add('companiesMentioned', m.text, { origin });
    if (m.kind === 'person') root.add('peopleMentioned', m.text, { origin });
    const e = new Entity('DocumentMention', hashId('mention', id, m.kind, m.page, m.start, m.end), { origin });
    e.add('document', id);
    e.add('name', m.text);
    e.add('mentionKind', m.kind);
    e.add('value', m.value);
    e.add('page', m.page);
    e.add('spanStart', m.start);
    e.add('spanEnd', m.end);
    e.add('confidence', m.confidence);
    const detected = DETECTED_SCHEMA[m.kind];
    if (detected) e.add('detectedSchema', detected);
    if (m.entity) e.add('resolved', m.entity);
    related.push(e);
  }
  return { bundle: { root, related }, id, title };
}

/** A gazetteer lookup over the screening index (already refreshed), remembering its answers. */
export function screeningLookup(screening: ScreeningService, lists: Record<string, string>, threshold = 0.5): GazetteerLookup {
  const memo = new Map<string, GazetteerHit | null>();
  return (candidate, kind) => {
    const key = `${kind ?? ''}\u0000${candidate}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const res = screening.screenPrepared({ schema: kind === 'person' ? 'Person' : 'LegalEntity', properties: { name: [candidate] } }, lists, { limit: 1, cutoff: threshold });
    const top = res.results[0];
    const hit = top ? { id: top.id, score: top.score, schema: top.schema } : null;
    if (memo.size > 50_000) memo.clear();
    memo.set(key, hit);
    return hit;
  };
}

function compileModels(models: readonly string[] | undefined): ExtractOptions['models'] {
  if (!models?.length) return EXTRACT_DEFAULTS.models;
  try {
    return modelPatterns(models);
  } catch (err) {
    throw usageError(`--models: not a valid regular expression (${(err as Error).message})`, 'bad_pattern');
  }
}

export async function ingestDocuments(store: Store, paths: readonly string[], opts: IngestDocumentsOptions = {}): Promise<IngestDocumentsReport> {
  const dataset = opts.dataset ?? DEFAULT_DOCUMENT_DATASET;
  if (!DATASET_NAME.test(dataset)) throw usageError(`--dataset: "${dataset}" is not a dataset name (letters, digits, "-", "_", ".")`, 'bad_dataset');
  if (OFFICIAL_SOURCES.some((s) => s.id === dataset)) throw usageError(`--dataset: "${dataset}" is an official list; choose another name`, 'bad_dataset');
  const earlier = await store.versions(dataset);
  if (earlier.some((v) => v.format !== 'documents')) throw usageError(`--dataset: "${dataset}" holds ${earlier[0]!.format} data, not documents; choose another name`, 'bad_dataset');
  if (!paths.length) throw usageError('give at least one file or folder');
  const models = compileModels(opts.models);

  const { files, skipped } = await documentFiles(paths);
  if (!files.length) throw inputError('no documents found (text, HTML or PDF files)', { file: paths.join(', ') }, 'no_documents');
  opts.progress?.files?.(files.length);

  // Names are linked against the active list versions; they are part of what makes this version.
  let lookup: GazetteerLookup | null = null;
  let lists: Record<string, string> = {};
  if (opts.lookup !== undefined) lookup = opts.lookup;
  else {
    const screening = opts.screening ?? new ScreeningService(store);
    const indexed = await screening.refresh();
    // Document datasets hold no list entries: they are not what names were linked against.
    const documentSources = new Set((await store.activeVersions()).filter((v) => v.format === 'documents').map((v) => v.source));
    lists = Object.fromEntries(Object.entries(indexed).filter(([source]) => !documentSources.has(source)));
    if (screening.size > 0) lookup = screeningLookup(screening, indexed);
  }

  const versionFiles: VersionFile[] = [];
  for (const f of files) versionFiles.push({ role: 'document', name: f.name, sha256: await sha256File(f.path), bytes: (await stat(f.path)).size });
  const checksum = createHash('sha256')
    .update(JSON.stringify({ v: DOCUMENT_EXTRACTOR_VERSION, files: versionFiles.map((f) => [f.name, f.sha256]), models: opts.models ?? null, extract: opts.extract ?? null, lists, linked: lookup !== null }))
    .digest('hex');
  const existing = await store.findVersionByChecksum(dataset, checksum);
  if (existing) return { dataset, status: 'unchanged', version: existing, lists, documents: [], skipped, issues: [] };
  let version = new Date().toISOString().slice(0, 10);
  if (await store.findVersion(dataset, version)) version = `${version}.${checksum.slice(0, 8)}`;

  const extract: Partial<ExtractOptions> = { ...opts.extract, models, lookup };
  const documents: IngestedDocument[] = [];
  const issues: Issue[] = [];
  const hashes = new Map<string, string>();
  const writer = await store.beginVersion({ source: dataset, version, published: null, checksum, format: 'documents', files: versionFiles });
  try {
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      let doc: SourceDocument;
      try {
        doc = await readDocument(f.path, f.name);
      } catch (err) {
        if (!opts.skipBad || !isEndtraceError(err) || err.kind !== 'input') throw err;
        issues.push({ code: err.code, message: err.message, file: f.name });
        opts.progress?.fileDone?.(i, null, f.name);
        continue;
      }
      const same = hashes.get(doc.contentHash);
      if (same) {
        issues.push({ code: 'duplicate_document', message: `the same content as ${same}; stored once`, file: f.name });
        opts.progress?.fileDone?.(i, null, f.name);
        continue;
      }
      hashes.set(doc.contentHash, f.name);
      doc.pages = doc.pages.map((p) => ({ page: p.page, text: normalisePageText(p.text) }));
      const mentions: Mention[] = [];
      for (const page of doc.pages) mentions.push(...extractPage(page, extract));
      const { bundle, id, title } = documentBundle(doc, mentions);
      for (const e of [bundle.root, ...bundle.related]) {
        for (const r of e.rejected) issues.push({ code: 'rejected_value', message: `${e.schema.name}.${r.prop}: ${r.reason}`, file: r.origin ?? f.name });
      }
      await writer.write([bundle]);
      const result: IngestedDocument = { document: id, file: f.name, format: doc.format, title, pages: doc.pages.length, mentions };
      documents.push(result);
      opts.progress?.fileDone?.(i, result, f.name);
    }
    if (!documents.length) throw inputError('none of the files could be used', { file: files[0]!.name }, 'no_documents');
    if (issues.length) await writer.issues(issues);
    const info = await writer.commit({ activate: !opts.noActivate });
    return { dataset, status: 'loaded', version: info, lists, documents, skipped, issues };
  } catch (err) {
    await writer.abort();
    throw err;
  }
}
