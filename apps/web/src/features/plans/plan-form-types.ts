import type { UseFormReturnType } from '@mantine/form';
import type { PlanValues } from './plan-form';

/** The plan form as its sections share it. */
export type PlanForm = UseFormReturnType<PlanValues>;

/** A practitioner a plan or an intervention can name. */
export interface PractitionerOption {
  id: string;
  name: string;
  disciplines: readonly string[];
}
