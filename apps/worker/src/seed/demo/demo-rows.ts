import type { Discipline } from '@meridian/auth/access/role';
import type {
  EmergencyContact,
  GeneralPractitioner,
  Intake,
} from '@meridian/clients/client.entity';
import type { ConsentType } from '@meridian/clients/consent.entity';
import type {
  Goal,
  Intervention,
  Phase,
  PlanContent,
} from '@meridian/treatment-plans/plan-content';
import { v7 as uuidv7 } from 'uuid';

/*
 * The demo's rows exactly as the tables hold them: snake_case columns, every column the seed
 * writes present in every row (the writer takes a table's columns from its first row).
 */

export interface ClinicRow {
  id: string;
  name: string;
  time_zone: string;
  locale: 'nl' | 'en';
  mfa_required: boolean;
  reminder_lead_minutes: number;
  escalation_grace_hours: number;
  demo: boolean;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface UserRow {
  id: string;
  clinic_id: string;
  email: string;
  display_name: string;
  roles: string[];
  disciplines: Discipline[];
  password_hash: string;
  password_change_required: boolean;
  status: 'active';
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface ClientRow {
  id: string;
  clinic_id: string;
  client_number: number;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  sex: 'female' | 'male' | null;
  email: string | null;
  phone: string | null;
  preferred_language: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  general_practitioner: GeneralPractitioner | null;
  emergency_contact: EmergencyContact | null;
  intake: Intake | null;
  primary_practitioner_id: string | null;
  status: 'active' | 'archived';
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface ClientNumberCounterRow {
  clinic_id: string;
  last_number: number;
}

export interface ConsentRow {
  id: string;
  clinic_id: string;
  client_id: string;
  type: ConsentType;
  method: 'paper' | 'verbal' | 'digital';
  note: string | null;
  recorded_by: string;
  granted_at: Date;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdrawal_method: 'paper' | 'verbal' | 'digital' | null;
}

export interface CareTeamMemberRow {
  id: string;
  clinic_id: string;
  client_id: string;
  user_id: string;
  discipline: Discipline;
  since: string;
  added_by: string;
  created_at: Date;
}

export interface TreatmentPlanRow {
  id: string;
  clinic_id: string;
  client_id: string;
  title: string;
  status: PlanContent['status'];
  lead_practitioner_id: string;
  disciplines: Discipline[];
  phases: Phase[];
  goals: Goal[];
  interventions: Intervention[];
  created_by: string;
  updated_by: string;
  activated_at: Date | null;
  ended_at: Date | null;
  cancel_reason: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface TreatmentPlanVersionRow {
  plan_id: string;
  version: number;
  clinic_id: string;
  content: PlanContent;
  changes: string[];
  changed_by: string;
  changed_at: Date;
}

export interface MeasurementRow {
  id: string;
  clinic_id: string;
  client_id: string;
  instrument: string;
  answers: number[] | null;
  value: number | null;
  score: number;
  band: string | null;
  flags: string[];
  taken_on: string;
  recorded_by: string;
  created_at: Date;
  treatment_plan_id: string | null;
}

export type AppointmentType = 'intake' | Discipline;
export type AppointmentStatus = 'booked' | 'arrived' | 'completed' | 'no-show' | 'cancelled';

export interface AppointmentRow {
  id: string;
  clinic_id: string;
  client_id: string;
  practitioner_id: string;
  type: AppointmentType;
  starts_at: Date;
  ends_at: Date;
  status: AppointmentStatus;
  cancel_reason: string | null;
  created_by: string;
  updated_by: string;
  created_at: Date;
  updated_at: Date;
  version: number;
  reminder_at: Date | null;
}

export interface SessionNoteRow {
  id: string;
  clinic_id: string;
  client_id: string;
  practitioner_id: string;
  discipline: Discipline;
  session_date: string;
  appointment_id: string | null;
  treatment_plan_id: string | null;
  status: 'draft' | 'signed';
  content: Record<string, unknown> | null;
  sealed_content: string | null;
  key_id: string | null;
  content_hash: string | null;
  signed_at: Date | null;
  signed_by: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export type FollowUpType =
  'call' | 'email' | 'book-appointment' | 'review-plan' | 'send-questionnaire' | 'other';

export interface FollowUpTaskRow {
  id: string;
  clinic_id: string;
  client_id: string;
  type: FollowUpType;
  priority: 'normal' | 'urgent';
  assignee_user_id: string | null;
  assignee_queue: 'reception' | null;
  due_at: Date;
  note: string | null;
  status: 'open' | 'done' | 'cancelled';
  source_key: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  completed_at: Date | null;
  completed_by: string | null;
  outcome: string | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  notified_at: Date | null;
  escalated_at: Date | null;
}

/** Everything the demo writes, table by table, in an order the foreign keys accept. */
export interface DemoDataset {
  clinics: ClinicRow[];
  users: UserRow[];
  clients: ClientRow[];
  client_number_counters: ClientNumberCounterRow[];
  consents: ConsentRow[];
  care_team_members: CareTeamMemberRow[];
  treatment_plans: TreatmentPlanRow[];
  treatment_plan_versions: TreatmentPlanVersionRow[];
  measurements: MeasurementRow[];
  appointments: AppointmentRow[];
  session_notes: SessionNoteRow[];
  follow_up_tasks: FollowUpTaskRow[];
}

/**
 * A v7 id stamped with the time the row came to be, as the service would have made it then:
 * ids stay in creation order, as they would in a clinic that grew over the year.
 */
export function idAt(instant: Date): string {
  return uuidv7({ msecs: instant.getTime() });
}
