import { describe, expect, it } from 'vitest';
import { findPublishDate, publishDateToIso } from './publish-info.js';

describe('publshInformation', () => {
  it('reads Publish_Date as MM/DD/YYYY', () => {
    expect(publishDateToIso('03/28/2025')).toBe('2025-03-28');
    expect(publishDateToIso('3/4/2025')).toBe('2025-03-04');
    expect(publishDateToIso(' 12/28/2023 ')).toBe('2023-12-28');
  });

  it('refuses day-first, impossible and partial dates', () => {
    expect(publishDateToIso('28/03/2025')).toBeUndefined();
    expect(publishDateToIso('02/30/2025')).toBeUndefined();
    expect(publishDateToIso('2025-03-28')).toBeUndefined();
    expect(publishDateToIso('03/2025')).toBeUndefined();
    expect(publishDateToIso('')).toBeUndefined();
  });

  it('finds Publish_Date in a head, with or without a namespace prefix', () => {
    expect(findPublishDate('<sdnList><publshInformation>\n<Publish_Date>03/28/2025</Publish_Date>')).toBe('03/28/2025');
    expect(findPublishDate('<s:publshInformation><s:Publish_Date> 01/02/2024 </s:Publish_Date>')).toBe('01/02/2024');
    expect(findPublishDate('<sdnList><sdnEntry>')).toBeUndefined();
  });
});
