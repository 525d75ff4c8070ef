/**
 * Journeys of people: one row per traveller and flight (a group booking shares its booking
 * reference and lists the others as companions), background business travel, and the
 * travel.csv rows.
 */
import { DATA_END, DATA_START, iso } from './dates.js';
import { csvLine } from './csv.js';
import { CARRIERS } from './names.js';
import { COUNTRIES, countryName } from './places.js';
import type { City } from './places.js';
import type { Rng } from './prng.js';
import type { Background, Company, Person } from './world.js';

export interface Flight {
  from: City;
  to: City;
  departure: number;
  arrival: number;
  flightNumber: string;
  carrier: string;
}

export interface Trip {
  bookingRef: string;
  travellers: Person[];
  flights: Flight[];
  purpose: string;
  host?: Company;
}

export const TRAVEL_COLUMNS = [
  'traveler', 'traveler_birth_date', 'traveler_nationality', 'passport', 'employer', 'companions', 'from_place', 'from_country', 'to_place', 'to_country',
  'departure_date', 'arrival_date', 'flight_number', 'carrier', 'purpose', 'host', 'booking_reference',
] as const;

const REF_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ2345679';
const REF_SPACE = 31 ** 6;

/** The booking reference of the i-th booking: a bijection of i onto six characters, so refs never repeat. */
export function bookingRef(i: number, seed: number): string {
  let v = (i * 104_729 + (seed % 1_000_003) * 7_919) % REF_SPACE;
  let s = '';
  for (let k = 0; k < 6; k++) {
    s = REF_ALPHABET[v % 31]! + s;
    v = Math.floor(v / 31);
  }
  return s;
}

export function flight(from: City, to: City, departure: number, rng: Rng): Flight {
  const [carrier, code] = rng.pick(CARRIERS);
  const far = from.country !== to.country && rng.chance(0.35);
  return { from, to, departure, arrival: far ? departure + 1 : departure, flightNumber: `${code}${rng.int(100, 9899)}`, carrier };
}

export function tripLines(trip: Trip): string[] {
  const out: string[] = [];
  for (const f of trip.flights) {
    for (const t of trip.travellers) {
      const companions = trip.travellers.filter((o) => o !== t).map((o) => o.names.name).join(';');
      out.push(csvLine([
        t.names.name, iso(t.birth), countryName(t.country), t.passport, t.employer?.names.name ?? '', companions,
        f.from.name, countryName(f.from.country), f.to.name, countryName(f.to.country), iso(f.departure), iso(f.arrival),
        f.flightNumber, f.carrier, trip.purpose, trip.host?.names.name ?? '', trip.bookingRef,
      ]));
    }
  }
  return out;
}

const PURPOSES = ['Business meeting', 'Trade fair', 'Conference', 'Contract negotiations', 'Supplier audit', 'Training course', 'Sales visit', 'Board meeting'];
const ALL_CITIES = COUNTRIES.flatMap((c) => c.cities);

/** Background business trips of importers' and service firms' staff, out and back. */
export function backgroundTrips(bg: Background, count: number, firstRef: number, seed: number, rng: Rng): Trip[] {
  const trips: Trip[] = [];
  for (let i = 0; i < count && bg.travellers.length > 0; i++) {
    const lead = rng.pick(bg.travellers);
    const colleagues = lead.employer ? lead.employer.employees.filter((p) => p !== lead) : [];
    const travellers = [lead, ...(colleagues.length && rng.chance(0.2) ? rng.sample(colleagues, rng.int(1, Math.min(2, colleagues.length))) : [])];
    const home = lead.employer?.city ?? lead.city;
    let to = rng.pick(ALL_CITIES);
    for (let k = 0; k < 8 && to.country === home.country; k++) to = rng.pick(ALL_CITIES);
    const out = rng.int(DATA_START, DATA_END - 20);
    const back = out + rng.int(2, 12);
    const trip: Trip = {
      bookingRef: bookingRef(firstRef + i, seed),
      travellers,
      flights: [flight(home, to, out, rng), flight(to, home, back, rng)],
      purpose: rng.pick(PURPOSES),
    };
    trips.push(trip);
  }
  return trips;
}
