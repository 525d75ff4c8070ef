/**
 * Calendar days as integers (days since 1970-01-01, UTC), and their text forms. Pure arithmetic
 * on fixed dates: the generator never reads the clock.
 */

const MS_PER_DAY = 86_400_000;

export const day = (iso: string): number => Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY);

/** The data window: shipments, travel and documents fall in 2021–2025. */
export const DATA_START = day('2021-01-01');
export const DATA_END = day('2025-12-31');
/** HS 2022 (8806 unmanned aircraft, 8807 parts, split 8525.8x …) applies from this day. */
export const HS2022_START = day('2022-01-01');

/** ISO dates of 1950–2030, computed once: the streams format millions of dates. */
const CACHE_FROM = day('1950-01-01');
const CACHE: string[] = [];
for (let d = CACHE_FROM; d <= day('2030-12-31'); d++) CACHE.push(new Date(d * MS_PER_DAY).toISOString().slice(0, 10));

export function iso(d: number): string {
  return CACHE[d - CACHE_FROM] ?? new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
}

/** dd.mm.yyyy, as Russian customs forms write dates. */
export function ruDate(d: number): string {
  const s = iso(d);
  return `${s.slice(8, 10)}.${s.slice(5, 7)}.${s.slice(0, 4)}`;
}

/** ddmmyy, as in the middle part of a Russian declaration number. */
export function ruDateCompact(d: number): string {
  const s = iso(d);
  return `${s.slice(8, 10)}${s.slice(5, 7)}${s.slice(2, 4)}`;
}

/** 2023年3月14日 */
export function zhDate(d: number): string {
  const s = iso(d);
  return `${Number(s.slice(0, 4))}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 14 March 2023 */
export function enDate(d: number): string {
  const s = iso(d);
  return `${Number(s.slice(8, 10))} ${MONTHS_EN[Number(s.slice(5, 7)) - 1]} ${s.slice(0, 4)}`;
}

export const yearOf = (d: number): number => {
  const s = iso(d);
  return (s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 + (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48);
};
