/**
 * Names from sdn.xml's split fields. OFAC writes a person's surname in capitals in `lastName`
 * and the given names in `firstName`; the legacy CSV joins them as `LAST, First`. We store the
 * natural order `First LAST` as the name and add `LAST, First` as an alias, so that a query in
 * either form meets a stored name; the parts themselves go to firstName/lastName. Entities,
 * vessels and aircraft have only `lastName`.
 */

export interface NameForms {
  /** `First LAST`, or the one part that is present; '' when both are empty. */
  natural: string;
  /** `LAST, First` when both parts are present. */
  inverted: string | undefined;
}

export function nameForms(firstName: string, lastName: string): NameForms {
  const first = firstName.trim();
  const last = lastName.trim();
  if (first && last) return { natural: `${first} ${last}`, inverted: `${last}, ${first}` };
  return { natural: first || last, inverted: undefined };
}

/** Every form to store for one name: both orders for a person, the plain name otherwise. */
export function storedNames(firstName: string, lastName: string, person: boolean): string[] {
  const forms = nameForms(firstName, lastName);
  if (!forms.natural) return [];
  return person && forms.inverted ? [forms.natural, forms.inverted] : [forms.natural];
}
