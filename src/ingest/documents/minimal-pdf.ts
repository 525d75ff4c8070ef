/**
 * A minimal PDF writer for fixtures and benchmarks (no dependency): pages of text lines in
 * one Type0 font with Identity-H encoding, where each character's code is its Unicode code
 * point and a ToUnicode CMap maps it back (PDF 1.7, ISO 32000-1, §9.7 and §9.10.3). The font
 * program is not embedded — a viewer substitutes glyphs — but the text layer is exact in any
 * script of the Basic Multilingual Plane, which is what extraction reads. Lines must fit the
 * page's height (about 65 lines a page).
 */

export interface MinimalPdfOptions {
  title?: string;
  /** An /Encrypt dictionary is written (with dummy keys): readers ask for a password. */
  encrypted?: boolean;
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

function pdfString(s: string): string {
  // UTF-16BE with BOM, as a hex string: safe for any text.
  let out = 'FEFF';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0xffff) continue;
    out += hex4(cp);
  }
  return `<${out}>`;
}

export function minimalPdf(pages: ReadonlyArray<readonly string[]>, opts: MinimalPdfOptions = {}): Uint8Array {
  const codes = new Set<number>();
  for (const page of pages) for (const line of page) for (const ch of line) codes.add(ch.codePointAt(0)!);
  const cps = [...codes].filter((c) => c <= 0xffff).sort((a, b) => a - b);
  const objs: string[] = [];
  const add = (body: string) => objs.push(body);
  const stream = (content: string) => `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;

  add(''); // 1: catalog, filled in below
  add(''); // 2: page tree
  let cmap = '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n';
  cmap += '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n';
  for (let i = 0; i < cps.length; i += 100) {
    const chunk = cps.slice(i, i + 100);
    cmap += `${chunk.length} beginbfchar\n${chunk.map((c) => `<${hex4(c)}> <${hex4(c)}>`).join('\n')}\nendbfchar\n`;
  }
  cmap += 'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend';
  const toUnicode = add(stream(cmap));
  const descriptor = add('<< /Type /FontDescriptor /FontName /EndtraceFixture /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>');
  const cidFont = add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /EndtraceFixture /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 600 >>`);
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /EndtraceFixture /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
  const kids: number[] = [];
  // PDF.js leaves out text beyond the page's edge: the page is as wide as its longest line (6 pt a character).
  const longest = Math.max(0, ...pages.flatMap((lines) => lines.map((l) => [...l].length)));
  const width = Math.max(595, 80 + longest * 6);
  for (const lines of pages) {
    let content = 'BT\n/F1 10 Tf\n12 TL\n40 800 Td\n';
    for (const line of lines) content += `<${[...line].map((ch) => hex4(ch.codePointAt(0)!)).join('')}> Tj T*\n`;
    content += 'ET';
    const c = add(stream(content));
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${c} 0 R >>`));
  }
  objs[0] = '<< /Type /Catalog /Pages 2 0 R >>';
  objs[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const info = add(`<< /Producer (endtrace minimal-pdf)${opts.title ? ` /Title ${pdfString(opts.title)}` : ''} >>`);
  const encrypt = opts.encrypted
    ? add(`<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <${'A5'.repeat(32)}> /U <${'5A'.repeat(32)}> >>`)
    : undefined;

  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objs.forEach((body, i) => {
    offsets.push(length);
    const b = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    parts.push(b);
    length += b.length;
  });
  const trailer = `<< /Size ${objs.length + 1} /Root 1 0 R /Info ${info} 0 R${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : ''} >>`;
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n${trailer}\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}
