/** Addresses and contacts that read as Dutch, with their postal-code prefix. */
export const CITIES: readonly (readonly [city: string, postalPrefix: number])[] = [
  ['Amsterdam', 1011],
  ['Rotterdam', 3011],
  ['Den Haag', 2511],
  ['Utrecht', 3511],
  ['Eindhoven', 5611],
  ['Groningen', 9711],
  ['Tilburg', 5011],
  ['Almere', 1311],
  ['Breda', 4811],
  ['Nijmegen', 6511],
  ['Apeldoorn', 7311],
  ['Haarlem', 2011],
  ['Arnhem', 6811],
  ['Amersfoort', 3811],
  ['Zwolle', 8011],
  ['Leiden', 2311],
  ['Maastricht', 6211],
  ['Dordrecht', 3311],
  ['Ede', 6711],
  ['Leeuwarden', 8911],
  ['Deventer', 7411],
  ['Delft', 2611],
  ['Alkmaar', 1811],
  ['Hilversum', 1211],
  ['Gouda', 2801],
];

// prettier-ignore
export const STREETS = [
  'Kerkstraat', 'Dorpsstraat', 'Schoolstraat', 'Molenweg', 'Stationsweg', 'Julianalaan',
  'Beatrixstraat', 'Wilhelminastraat', 'Kastanjelaan', 'Lindelaan', 'Eikenlaan',
  'Prinses Irenestraat', 'Nieuwstraat', 'Hoofdstraat', 'Marktplein', 'Parallelweg',
  'Burgemeester de Withstraat', 'Sportlaan', 'Tulpstraat', 'Rozenstraat', 'Vondelstraat',
  'Rembrandtlaan', 'Van Goghstraat', 'Oranjestraat', 'Zuiderzeeweg', 'Havenkade',
  'Singel', 'Herengracht', 'Boslaan', 'Weidelaan',
] as const;

export const RELATIONS = [
  'partner',
  'echtgenoot',
  'moeder',
  'vader',
  'dochter',
  'zoon',
  'zus',
  'broer',
  'vriend',
] as const;

export const GENERAL_PRACTICES = [
  'Huisartsenpraktijk De Linde',
  'Gezondheidscentrum Centrum',
  'Huisartsen Oost',
  'Huisartsenpraktijk Het Kompas',
  'Medisch Centrum Noord',
  'Huisartsenpraktijk De Brug',
  'Gezondheidscentrum De Hoven',
  'Huisartsengroep Zuid',
] as const;

export const CLIENT_MAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;
