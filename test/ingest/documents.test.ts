/**
 * Document ingest end to end through the service: a small SDN excerpt (ofac-46441 TSK VEKTOR,
 * ofac-46431 KUPOL) in a fresh store; a fictional screening memo that lists «ТСК Вектор» among
 * the names checked, as text, HTML and PDF; the stored Document and DocumentMention entities
 * with their provenance; unusable files; one transaction per ingest.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalPdf } from '../../src/ingest/index.js';
import type { Mention } from '../../src/ingest/index.js';
import { isEndtraceError } from '../../src/model/index.js';
import type { EndtraceError } from '../../src/model/index.js';
import { ScreeningService, ingestDocuments, loadLists } from '../../src/service/index.js';
import type { IngestDocumentsReport } from '../../src/service/index.js';
import { SqliteStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import { fixture } from '../helpers/shared-data.js';

const DOCS = fixture('ingest', 'documents');
const MEMO_TXT = join(DOCS, 'screening-memo-ru.txt');
const MEMO_LINES = readFileSync(MEMO_TXT, 'utf8').trimEnd().split('\n');

let dir: string;
let store: Store;
let screening: ScreeningService;

async function freshStore(): Promise<Store> {
  const s = new SqliteStore(':memory:');
  const report = await loadLists(s, fixture('screening', 'sdn-mini'));
  expect(report.units.map((u) => u.status)).toEqual(['loaded']);
  return s;
}

async function rejection(p: Promise<unknown>): Promise<EndtraceError> {
  try {
    await p;
  } catch (err) {
    if (isEndtraceError(err)) return err;
    throw err;
  }
  throw new Error('expected the ingest to fail');
}

const spans = (mentions: readonly Mention[]) => mentions.map((m) => ({ kind: m.kind, text: m.text, value: m.value, page: m.page, start: m.start, end: m.end, entity: m.entity }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'endtrace-docs-'));
  writeFileSync(join(dir, 'screening-memo-ru.pdf'), minimalPdf([MEMO_LINES], { title: 'Служебная записка № 17' }));
  store = await freshStore();
  screening = new ScreeningService(store);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingestDocuments: linking «ТСК Вектор» in a Russian memo', () => {
  let report: IngestDocumentsReport;
  beforeAll(async () => {
    report = await ingestDocuments(store, [MEMO_TXT], { screening });
  });

  it('links the mention to ofac-46441 with its exact span', () => {
    expect(report.status).toBe('loaded');
    expect(Object.keys(report.lists)).toEqual(['ofac-sdn']);
    const [doc] = report.documents;
    const vektor = doc!.mentions.find((m) => m.entity === 'ofac-46441');
    expect(vektor).toEqual({ kind: 'organization', text: 'ООО «ТСК Вектор»', value: 'ООО ТСК Вектор', page: 1, start: 165, end: 181, confidence: 0.9, entity: 'ofac-46441' });
    expect(readFileSync(MEMO_TXT, 'utf8').slice(165, 181)).toBe('ООО «ТСК Вектор»');
  });

  it('links АО «ИЭМЗ «Купол» to ofac-46431 and leaves the fictional parties unlinked', () => {
    const orgs = report.documents[0]!.mentions.filter((m) => m.kind === 'organization').map((m) => [m.text, m.entity]);
    expect(orgs).toEqual([
      ['ООО «Пример-Аэро»', null],
      ['ООО «ТСК Вектор»', 'ofac-46441'],
      ['АО «ИЭМЗ «Купол»', 'ofac-46431'],
      ['ООО «Лесной Пример»', null],
      ['深圳市云雀示例科技有限公司', null],
    ]);
  });

  it('extracts the other kinds, and no identifier for the number whose check digit fails', () => {
    const others = report.documents[0]!.mentions.filter((m) => m.kind !== 'organization').map((m) => [m.kind, m.text, m.value]);
    expect(others).toEqual([
      ['date', '23 апреля 2024 г.', '2024-04-23'],
      ['identifier', '3849055365', 'inn:3849055365'],
      ['identifier', '0012345673', 'inn:0012345673'],
      ['identifier', '1000000123452', 'ogrn:1000000123452'],
      ['person', 'Петров Сергей Алексеевич', 'Петров Сергей Алексеевич'],
      ['place', 'Москва', 'city:ru:Moscow'],
      ['place', 'Шэньчжэне', 'city:cn:Shenzhen'],
      ['person', 'Ли Вэй', 'Ли Вэй'],
    ]);
    expect(report.documents[0]!.mentions.some((m) => m.text.includes('0012345674'))).toBe(false);
  });

  it('stores the document and its mentions with provenance, as one version of "docs"', async () => {
    const [doc] = report.documents;
    expect(report.version).toMatchObject({ source: 'docs', format: 'documents', active: true, entities: 1 });
    const stored = await store.getEntity(doc!.document);
    expect(stored!.entity.schema.name).toBe('PlainText');
    const sha1 = createHash('sha1').update(readFileSync(MEMO_TXT)).digest('hex');
    expect(stored!.entity.toFtM().properties).toMatchObject({
      fileName: ['screening-memo-ru.txt'],
      mimeType: ['text/plain'],
      contentHash: [sha1],
      title: ['ООО «Пример-Аэро»'],
      encoding: ['utf-8'],
      bodyText: [readFileSync(MEMO_TXT, 'utf8').trim()],
    });
    // 13 Chinese characters among 300 Cyrillic letters: under the 10% that makes a language.
    expect(stored!.entity.get('detectedLanguage')).toEqual(['rus']);
    const refs = await store.references(doc!.document);
    const mentions = refs.filter((r) => r.schema === 'DocumentMention');
    expect(mentions.length).toBe(doc!.mentions.length);
    const records = await Promise.all(mentions.map((r) => store.getEntity(r.entityId)));
    const vektor = records.find((r) => r!.entity.first('resolved') === 'ofac-46441')!;
    expect(vektor.entity.toFtM().properties).toEqual({
      confidence: ['0.9'],
      detectedSchema: ['Company'],
      document: [doc!.document],
      mentionKind: ['organization'],
      name: ['ООО «ТСК Вектор»'],
      page: ['1'],
      resolved: ['ofac-46441'],
      spanEnd: ['181'],
      spanStart: ['165'],
      value: ['ООО ТСК Вектор'],
    });
    expect(new Set(vektor.statements.map((s) => s.origin))).toEqual(new Set(['screening-memo-ru.txt#p1:165-181']));
    expect(new Set(vektor.statements.map((s) => s.source))).toEqual(new Set(['docs']));
  });

  it('recognises the same files, options and lists again and stores nothing new', async () => {
    const again = await ingestDocuments(store, [MEMO_TXT], { screening });
    expect(again.status).toBe('unchanged');
    expect(again.version!.id).toBe(report.version!.id);
    expect((await store.versions('docs')).length).toBe(1);
  });
});

describe('ingestDocuments: the same text as .txt, .html and .pdf gives the same spans', () => {
  it('HTML and PDF mentions equal those of the text', async () => {
    const s = await freshStore();
    try {
      const txt = await ingestDocuments(s, [MEMO_TXT], { dataset: 'a' });
      const html = await ingestDocuments(s, [join(DOCS, 'screening-memo-ru.html')], { dataset: 'b' });
      const pdf = await ingestDocuments(s, [join(dir, 'screening-memo-ru.pdf')], { dataset: 'c' });
      const expected = spans(txt.documents[0]!.mentions);
      expect(expected.length).toBe(13);
      expect(spans(html.documents[0]!.mentions)).toEqual(expected);
      expect(spans(pdf.documents[0]!.mentions)).toEqual(expected);
      expect(html.documents[0]!.title).toBe('Служебная записка № 17');
      expect(pdf.documents[0]!.title).toBe('Служебная записка № 17');
      // The PDF is stored as Pages with one Page entity holding that page's exact text.
      const pages = (await s.references(pdf.documents[0]!.document)).filter((r) => r.schema === 'Page');
      expect(pages.length).toBe(1);
      const page = await s.getEntity(pages[0]!.entityId);
      const text = page!.entity.first('bodyText')!;
      for (const m of pdf.documents[0]!.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    } finally {
      await s.close();
    }
  });

  it('a multi-page PDF gives each mention its page and offsets in that page', async () => {
    const s = await freshStore();
    try {
      const file = join(dir, 'two-pages.pdf');
      writeFileSync(file, minimalPdf([['Cover page: Kestrel Example Avionics LLC'], ['Копия: ООО «ТСК Вектор», Москва']]));
      const r = await ingestDocuments(s, [file], { dataset: 'pages' });
      expect(r.documents[0]!.pages).toBe(2);
      expect(spans(r.documents[0]!.mentions).map((m) => [m.page, m.start, m.end, m.text, m.entity])).toEqual([
        [1, 12, 40, 'Kestrel Example Avionics LLC', null],
        [2, 7, 23, 'ООО «ТСК Вектор»', 'ofac-46441'],
        [2, 25, 31, 'Москва', null],
      ]);
    } finally {
      await s.close();
    }
  });

  it('a text file with form feeds is a document of several pages', async () => {
    const s = await freshStore();
    try {
      const file = join(dir, 'pdftotext.txt');
      writeFileSync(file, 'Page one: Kestrel Example Avionics LLC\r\n\fКопия: ООО «ТСК Вектор»\n\f');
      const r = await ingestDocuments(s, [file], { dataset: 'ff' });
      expect(r.documents[0]!.pages).toBe(2);
      expect(spans(r.documents[0]!.mentions).map((m) => [m.page, m.start, m.end, m.entity])).toEqual([
        [1, 10, 38, null],
        [2, 7, 23, 'ofac-46441'],
      ]);
      const stored = await s.getEntity(r.documents[0]!.document);
      expect(stored!.entity.schema.name).toBe('Pages');
      expect((await s.references(r.documents[0]!.document)).filter((x) => x.schema === 'Page').length).toBe(2);
    } finally {
      await s.close();
    }
  });

  it('legacy encodings (Windows-1251, GB18030) give the spans of their UTF-8 text', async () => {
    const s = await freshStore();
    try {
      const r = await ingestDocuments(s, [join(DOCS, 'memo-ru-cp1251.txt'), join(DOCS, 'note-zh-gb18030.txt'), join(DOCS, 'note-zh.txt')], { dataset: 'enc' });
      const [cp, gb, zh] = r.documents;
      const memo = await ingestDocuments(s, [MEMO_TXT], { dataset: 'enc-utf8' });
      // The Windows-1251 copy lacks the line with Chinese characters: the mentions before it are the same.
      const before = spans(memo.documents[0]!.mentions).filter((m) => m.start < 342);
      expect(spans(cp!.mentions)).toEqual(before);
      // Different bytes, so a document of its own, with the same text and spans.
      expect(gb!.document).not.toBe(zh!.document);
      expect(spans(gb!.mentions)).toEqual(spans(zh!.mentions));
      expect(spans(gb!.mentions).map((m) => m.kind)).toEqual(['organization', 'model', 'hs_code', 'money', 'identifier', 'person', 'person', 'date', 'flight', 'place', 'place']);
    } finally {
      await s.close();
    }
  });
});

describe('ingestDocuments: unusable input', () => {
  it('a malformed PDF is an input error naming the file, and the store is as it was', async () => {
    const s = await freshStore();
    try {
      await ingestDocuments(s, [MEMO_TXT], { dataset: 'docs' });
      const before = await s.versions('docs');
      const folder = join(dir, 'batch');
      mkdirSync(folder, { recursive: true });
      copyFileSync(join(DOCS, 'invoice-en.txt'), join(folder, 'a-invoice.txt'));
      copyFileSync(join(DOCS, 'truncated.pdf'), join(folder, 'b-truncated.pdf'));
      const err = await rejection(ingestDocuments(s, [folder], { dataset: 'docs' }));
      expect(err.kind).toBe('input');
      expect(err.code).toBe('pdf_corrupt');
      expect(err.location?.file).toBe('batch/b-truncated.pdf');
      expect(err.oneLine()).toMatch(/^batch\/b-truncated\.pdf: the PDF cannot be read \(.+\)$/);
      expect(await s.versions('docs')).toEqual(before);
      expect((await s.activeVersions()).find((v) => v.source === 'docs')!.id).toBe(before[0]!.id);
    } finally {
      await s.close();
    }
  });

  it('with skipBad, an unusable file becomes an issue and the others are stored', async () => {
    const s = await freshStore();
    try {
      const r = await ingestDocuments(s, [join(dir, 'batch')], { dataset: 'docs', skipBad: true });
      expect(r.documents.map((d) => d.file)).toEqual(['batch/a-invoice.txt']);
      expect(r.issues).toEqual([expect.objectContaining({ code: 'pdf_corrupt', file: 'batch/b-truncated.pdf' })]);
      expect(r.version!.issues).toBe(1);
    } finally {
      await s.close();
    }
  });

  it('refuses an official list name as the dataset, bad model patterns and missing paths', async () => {
    expect((await rejection(ingestDocuments(store, [MEMO_TXT], { dataset: 'ofac-sdn' }))).kind).toBe('usage');
    expect((await rejection(ingestDocuments(store, [MEMO_TXT], { dataset: 'x', models: ['(unclosed'] }))).code).toBe('bad_pattern');
    const missing = await rejection(ingestDocuments(store, [join(dir, 'nope.txt')], { dataset: 'x' }));
    expect([missing.kind, missing.code, missing.location?.file]).toEqual(['input', 'not_found', join(dir, 'nope.txt')]);
  });
});
