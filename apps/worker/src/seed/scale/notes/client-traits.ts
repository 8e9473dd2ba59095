import { Random } from '../random';
import type { ClientModel } from '../scale-model';
import { ACUPUNCTURE_CASES, AcupunctureCase } from '../vocabulary/acupuncture-texts';
import { EXERCISES } from '../vocabulary/training-texts';

/**
 * What stays the same from one session of a client to the next: the complaint treated, the
 * starting weight, the exercise programme. Drawn from a stream of the client's own, so a
 * client's notes agree with each other whatever order they are written in.
 */
export interface ClientTraits {
  acupuncture: AcupunctureCase;
  weightKg: number;
  exercises: readonly (readonly [name: string, startLoadKg: number])[];
}

export class ClientTraitBook {
  private readonly traits = new Map<ClientModel, ClientTraits>();

  constructor(private readonly seed: number) {}

  of(client: ClientModel): ClientTraits {
    let traits = this.traits.get(client);
    if (!traits) {
      const random = new Random(this.seed, `traits:${client.id}`);
      traits = {
        acupuncture: random.pick(ACUPUNCTURE_CASES),
        weightKg: client.sex === 'male' ? random.between(72, 104) : random.between(58, 92),
        exercises: random.sample(EXERCISES, random.int(3, 5)),
      };
      this.traits.set(client, traits);
    }
    return traits;
  }
}
