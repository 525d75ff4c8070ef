/**
 * endtrace's own schemata on top of FollowTheMoney, in FtM's schema format so that they
 * round-trip through FtM JSON. FtM has no shipment (OCCRP Aleph's known gap: no shipment edge,
 * no quantity, unit or weight) and no journey of a person with companions and a purpose; these
 * add them, and a mention with its span in a document.
 */
import type { RawSchema } from './schema.js';

const entity = (label: string, range: string) => ({ label, type: 'entity', range });
const text = (label: string, type = 'string') => ({ label, type });

export const EXTENSION_SCHEMATA: Record<string, RawSchema> = {
  /** One customs declaration or bill of lading: an edge from shipper to consignee. */
  Shipment: {
    label: 'Shipment',
    plural: 'Shipments',
    extends: ['Interval'],
    matchable: false,
    edge: { source: 'shipper', target: 'consignee', label: 'shipped to', directed: true, caption: ['date'] },
    caption: ['declarationNumber', 'waybillNumber', 'date'],
    featured: ['shipper', 'consignee', 'date', 'destinationCountry', 'totalValue'],
    required: ['shipper', 'consignee'],
    properties: {
      shipper: entity('Shipper', 'LegalEntity'),
      consignee: entity('Consignee', 'LegalEntity'),
      notifyParty: entity('Notify party', 'LegalEntity'),
      declarant: entity('Declarant', 'LegalEntity'),
      forwarder: entity('Freight forwarder', 'LegalEntity'),
      declarationNumber: text('Declaration number', 'identifier'),
      waybillNumber: text('Waybill / bill of lading number', 'identifier'),
      transportMode: text('Transport mode (air, sea, road, rail, post)'),
      transportId: text('Flight, voyage or vehicle number', 'identifier'),
      originCountry: text('Country of origin', 'country'),
      dispatchCountry: text('Country of dispatch', 'country'),
      destinationCountry: text('Country of destination', 'country'),
      transitCountry: text('Country of transit', 'country'),
      portOfLoading: text('Port of loading'),
      portOfDischarge: text('Port of discharge'),
      totalValue: text('Total value', 'number'),
      currency: text('Currency'),
      grossWeight: text('Gross weight (kg)', 'number'),
    },
  },
  /** A line item of a shipment: what was shipped, with its HS code. */
  ShipmentItem: {
    label: 'Shipment item',
    plural: 'Shipment items',
    extends: ['Thing'],
    matchable: false,
    caption: ['goodsDescription', 'hsCode'],
    featured: ['shipment', 'hsCode', 'goodsDescription', 'quantity', 'value'],
    required: ['shipment'],
    properties: {
      shipment: entity('Shipment', 'Shipment'),
      lineNumber: text('Line number', 'number'),
      hsCode: text('HS code (6 digits)', 'identifier'),
      hsCodeDeclared: text('HS/TN VED code as declared', 'identifier'),
      hsVersion: text('HS edition (e.g. HS2022)'),
      goodsDescription: text('Goods description', 'text'),
      brand: text('Brand'),
      model: text('Model number'),
      quantity: text('Quantity', 'number'),
      unit: text('Unit'),
      netWeight: text('Net weight (kg)', 'number'),
      grossWeight: text('Gross weight (kg)', 'number'),
      value: text('Value', 'number'),
      currency: text('Currency'),
      originCountry: text('Country of origin', 'country'),
    },
  },
  /** A person's journey: from, to, when, how, with whom, why. */
  Travel: {
    label: 'Travel',
    plural: 'Travels',
    extends: ['Interval'],
    matchable: false,
    caption: ['flightNumber', 'toPlace', 'startDate'],
    featured: ['traveler', 'fromPlace', 'toPlace', 'startDate', 'purpose'],
    required: ['traveler'],
    properties: {
      traveler: entity('Traveler', 'Person'),
      companions: entity('Travelling with', 'Person'),
      host: entity('Host organisation', 'LegalEntity'),
      employer: entity('Traveler’s employer', 'LegalEntity'),
      fromPlace: text('From'),
      toPlace: text('To'),
      fromCountry: text('From country', 'country'),
      toCountry: text('To country', 'country'),
      flightNumber: text('Flight number', 'identifier'),
      carrier: text('Carrier'),
      bookingReference: text('Booking reference', 'identifier'),
      purpose: text('Purpose', 'text'),
    },
  },
  /** A name, identifier or value found in a document, with where it is. */
  DocumentMention: {
    label: 'Document mention',
    plural: 'Document mentions',
    extends: ['Mention'],
    matchable: false,
    caption: ['name'],
    featured: ['name', 'mentionKind', 'document', 'resolved'],
    properties: {
      mentionKind: text('Kind (organization, person, identifier, hs_code, model, money, date, flight, place)'),
      value: text('Normalised value'),
      page: text('Page', 'number'),
      spanStart: text('Start offset (characters)', 'number'),
      spanEnd: text('End offset (characters)', 'number'),
      confidence: text('Confidence', 'number'),
    },
  },
};
