/**
 * Dutch-looking names. Surnames are listed roughly from common to rare and drawn with a
 * falling weight, so that a clinic of a few thousand clients has a few dozen Jansens, a
 * handful of Kuipers and most surnames only a few times: searching part of a name finds some
 * clients, never thousands.
 */
// prettier-ignore
export const FEMALE_FIRST_NAMES = [
  'Anna', 'Emma', 'Sanne', 'Lotte', 'Julia', 'Sophie', 'Lisa', 'Eva', 'Fleur', 'Anouk',
  'Iris', 'Femke', 'Noor', 'Lieke', 'Sara', 'Maud', 'Roos', 'Tess', 'Isa', 'Nina',
  'Esther', 'Marieke', 'Ingrid', 'Annemarie', 'Petra', 'Monique', 'Wilma', 'Linda', 'Saskia',
  'Mirjam', 'Karin', 'Yvonne', 'Marjolein', 'Hanneke', 'Ellen', 'Anja', 'Marloes', 'Janneke',
  'Ilse', 'Evelien', 'Nathalie', 'Charlotte', 'Merel', 'Jolien', 'Kim', 'Manon', 'Renate',
  'Els', 'Greet', 'Truus', 'Corrie', 'Riet', 'Joke', 'Gerda', 'Hilde', 'Astrid', 'Bianca',
  'Chantal', 'Daphne', 'Danielle', 'Floor', 'Hester', 'Jet', 'Judith', 'Lies', 'Loes',
  'Marit', 'Mieke', 'Nienke', 'Paulien', 'Rianne', 'Sietske', 'Tamara', 'Vera', 'Wendy',
  'Yara', 'Zoë', 'Fatima', 'Samira', 'Aisha', 'Yasmina', 'Elif', 'Aylin', 'Mei', 'Priya',
] as const;

// prettier-ignore
export const MALE_FIRST_NAMES = [
  'Jan', 'Daan', 'Sem', 'Lucas', 'Milan', 'Levi', 'Thijs', 'Bram', 'Finn', 'Jesse',
  'Ruben', 'Lars', 'Tim', 'Stijn', 'Niels', 'Bas', 'Koen', 'Joost', 'Sander', 'Wouter',
  'Pieter', 'Kees', 'Henk', 'Gerrit', 'Willem', 'Hans', 'Peter', 'Marco', 'Erik', 'Frank',
  'Jeroen', 'Martijn', 'Maarten', 'Rob', 'Dennis', 'Arjen', 'Ronald', 'Paul', 'Mark',
  'Michiel', 'Roel', 'Gijs', 'Hidde', 'Jasper', 'Jelle', 'Joris', 'Luuk', 'Olaf', 'Ruud',
  'Sjoerd', 'Teun', 'Vincent', 'Wim', 'Dirk', 'Cor', 'Ad', 'Bert', 'Evert', 'Freek',
  'Guus', 'Harm', 'Ivo', 'Jaap', 'Klaas', 'Leon', 'Menno', 'Nico', 'Onno', 'Rik', 'Tom',
  'Floris', 'Casper', 'Mohammed', 'Youssef', 'Ahmed', 'Emre', 'Mehmet', 'Rajesh', 'Wei',
] as const;

// prettier-ignore
export const SURNAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser',
  'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks',
  'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer',
  'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'van der Veen',
  'van den Broek', 'de Bruijn', 'de Bruin', 'van der Heijden', 'Schouten', 'van Beek',
  'Willems', 'van Vliet', 'van de Ven', 'Hoekstra', 'Maas', 'Verhoeven', 'Koster',
  'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman', 'Peeters', 'de Jonge', 'Kuipers',
  'van Veen', 'Post', 'Kuiper', 'Veenstra', 'Kramer', 'van den Brink', 'Scholten', 'van Wijk',
  'Postma', 'Martens', 'Vink', 'de Ruiter', 'Timmermans', 'Groen', 'Gerritsen', 'Jonker',
  'van Loon', 'Boer', 'van der Velde', 'Willemsen', 'Smeets', 'de Lange', 'de Vos', 'Bosch',
  'van Dongen', 'Schipper', 'de Koning', 'van der Laan', 'Koning', 'van der Velden',
  'Driessen', 'van Doorn', 'Hermans', 'Evers', 'van den Bosch', 'van der Meulen', 'Hofman',
  'Bosman', 'Wolters', 'Sanders', 'van der Horst', 'Mol', 'Kuijpers', 'Molenaar', 'van de Pol',
  'de Leeuw', 'Verbeek', 'Wijnands', 'Claassen', 'Lammers', 'Tromp', 'Zwart', 'Hoogendoorn',
  'Sluiter', 'Veldman', 'Haverkamp', 'Rietveld', 'Terpstra', 'Bijl', 'Wijnberg', 'Oosterhuis',
  'Brink', 'Pronk', 'Kooijman', 'Nijland', 'Boersma', 'Stam', 'Wouters', 'Hoek', 'Verschoor',
  'Lubbers', 'Gijsbers', 'Aarts', 'Bouwman', 'Ververs', 'Koopman', 'Heemskerk', 'Dam',
  'Zijlstra', 'Poot', 'van Rijn', 'Baas', 'Roos', 'Hoeksema', 'van Os', 'Steenbergen',
  'Wiersma', 'Klaassen', 'Tol', 'Eijkelenboom', 'Ploeg', 'Kamphuis', 'Keizer', 'Bruinsma',
  'van Essen', 'Langeveld', 'Groenewegen', 'Ouwehand', 'Verkerk', 'Admiraal', 'Rozendaal',
  'Bleeker', 'Valk', 'Draaisma', 'Feenstra', 'Hazenberg', 'IJzerman', 'Kloosterman',
  'Lindeboom', 'Mooij', 'Nauta', 'Oudshoorn', 'Pool', 'Quist', 'Reinders', 'Sikkema',
  'Tuinman', 'Uiterwijk', 'Vlasblom', 'Wagenaar', 'Zuidema', 'Yilmaz', 'El Amrani', 'Kaya',
  'Demir', 'Bouzid', 'Nguyen', 'Singh', 'Ramdin', 'Soekhoe', 'Chen', 'Wong', 'Kowalski',
] as const;

/** Given names of staff, to tell people apart in the staff directory. */
export const STAFF_FIRST_NAMES = [...FEMALE_FIRST_NAMES, ...MALE_FIRST_NAMES] as const;

/** Weights falling with rank, so the first surnames are common and the last ones rare. */
export const SURNAME_WEIGHTS: readonly (readonly [string, number])[] = SURNAMES.map(
  (name, rank) => [name, 1 / (rank + 8)] as const,
);

/** A name as an e-mail local part: `van der Meer` becomes `vandermeer`. */
export function mailName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
