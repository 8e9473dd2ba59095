import type { EmergencyContact, GeneralPractitioner } from '@meridian/clients/client.entity';
import { normalisePhone } from '@meridian/core';
import type { DemoCalendar } from './demo-calendar';
import type { DemoRandom } from './demo-random';

/** Real towns around Utrecht with their postcode areas, so addresses read as real ones. */
const TOWNS: readonly { city: string; postcodes: readonly string[] }[] = [
  { city: 'Utrecht', postcodes: ['3511', '3521', '3531', '3552', '3571', '3581', '3584'] },
  { city: 'Zeist', postcodes: ['3701', '3705', '3707'] },
  { city: 'Bilthoven', postcodes: ['3721', '3723'] },
  { city: 'De Bilt', postcodes: ['3731', '3732'] },
  { city: 'Houten', postcodes: ['3991', '3992', '3994'] },
  { city: 'Nieuwegein', postcodes: ['3431', '3435', '3437'] },
  { city: 'Amersfoort', postcodes: ['3811', '3817', '3824'] },
  { city: 'Bunnik', postcodes: ['3981'] },
  { city: 'IJsselstein', postcodes: ['3401', '3402'] },
];
/** Postcode letters, without S: PostNL never issues SA, SD or SS. */
const POSTCODE_LETTERS = 'ABCEGHJKLMNPRTVWXZ';
const PRACTICES = ['Centrum', 'De Linde', 'Oost', 'Het Lint', 'Noord', 'De Brink', 'Lunetten'];
const RELATIONS = ['partner', 'partner', 'partner', 'moeder', 'vader', 'zus', 'broer', 'dochter'];

export interface Identity {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: 'female' | 'male';
  email: string | null;
  phone: string | null;
  preferredLanguage: string;
  street: string;
  postalCode: string;
  city: string;
  generalPractitioner: GeneralPractitioner;
  emergencyContact: EmergencyContact | null;
}

/**
 * Who the demo's clients are: Dutch names, addresses in real towns, mobile numbers in E.164
 * as the API stores them, e-mail at example.com (a domain that receives no mail), born 18 to
 * 75 years before today.
 */
export class IdentityFactory {
  private readonly emails = new Set<string>();

  constructor(
    private readonly random: DemoRandom,
    private readonly calendar: DemoCalendar,
  ) {}

  next(): Identity {
    const { faker } = this.random;
    // Women are most of an integrative clinic's clients.
    const sex = this.random.chance(0.65) ? 'female' : 'male';
    const firstName = faker.person.firstName(sex);
    const lastName = faker.person.lastName();
    const town = this.random.pick(TOWNS);
    const born = faker.date.birthdate({
      mode: 'age',
      min: 18,
      max: 75,
      refDate: this.calendar.now,
    });
    return {
      firstName,
      lastName,
      dateOfBirth: this.calendar.dateOf(born),
      sex,
      // Some older clients gave no e-mail address; everyone gave a phone number.
      email: this.random.chance(0.92) ? this.email(firstName, lastName) : null,
      phone: this.mobile(),
      preferredLanguage: this.random.chance(0.92) ? 'nl' : 'en',
      street: `${faker.location.street()} ${this.random.int(1, 180)}`,
      postalCode: `${this.random.pick(town.postcodes)} ${this.letters()}`,
      city: town.city,
      generalPractitioner: {
        name: `dr. ${faker.person.firstName().charAt(0)}. ${faker.person.lastName()}`,
        practice: `Huisartsenpraktijk ${this.random.pick(PRACTICES)}, ${town.city}`,
        phone: this.phone(`030${this.random.int(2, 9)}${faker.string.numeric(6)}`),
      },
      emergencyContact: this.random.chance(0.8)
        ? {
            name: `${faker.person.firstName()} ${this.random.chance(0.5) ? lastName : faker.person.lastName()}`,
            relation: this.random.pick(RELATIONS),
            phone: this.mobile(),
          }
        : null,
    };
  }

  private email(firstName: string, lastName: string): string {
    const local = `${slug(firstName)}.${slug(lastName)}`;
    let email = `${local}@example.com`;
    for (let n = 2; this.emails.has(email); n++) email = `${local}${n}@example.com`;
    this.emails.add(email);
    return email;
  }

  /** A Dutch mobile number (06-1… to 06-5…), in E.164. */
  private mobile(): string {
    return this.phone(`06${this.random.int(1, 5)}${this.random.faker.string.numeric(7)}`);
  }

  /** The number as the API stores it; a number the API would refuse is a bug in the seed. */
  private phone(national: string): string {
    const e164 = normalisePhone(national);
    if (!e164) throw new Error(`demo seed: ${national} is not a valid Dutch number`);
    return e164;
  }

  private letters(): string {
    const letter = () => this.random.pick([...POSTCODE_LETTERS]);
    return `${letter()}${letter()}`;
  }
}

/** Lower case ASCII without spaces: `van den Berg` → `vandenberg`, `Aimée` → `aimee`. */
function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
