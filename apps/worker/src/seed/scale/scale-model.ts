import type { Discipline, Role } from '@meridian/auth/access/role';
import type { DataCipher } from '@meridian/core';
import type { PlanContent } from '@meridian/treatment-plans/plan-content';
import type { Client } from 'pg';
import type { ScaleClock } from './scale-clock';
import type { ScaleOptions } from './scale-options';

/**
 * What the generator remembers of the rows it wrote, so that later tables agree with earlier
 * ones: appointments with the care team, notes with appointments and plans. Only what later
 * steps read is kept; the rest of a row lives in the database alone.
 */
export interface StaffMember {
  /** Position in {@link ScaleModel.staff}. */
  index: number;
  id: string;
  clinic: ClinicModel;
  email: string;
  displayName: string;
  roles: Role[];
  disciplines: Discipline[];
  createdAt: number;
}

export interface ClinicModel {
  /** 0-based; the clinic is named after index + 1. */
  index: number;
  id: string;
  name: string;
  /** The e-mail domain label of its staff: `kliniek-01`. */
  slug: string;
  timeZone: string;
  createdAt: number;
  staff: StaffMember[];
  managers: StaffMember[];
  receptionists: StaffMember[];
  practitioners: StaffMember[];
  clients: ClientModel[];
}

export interface CareMember {
  practitioner: StaffMember;
  discipline: Discipline;
  /** Local day from which the practitioner treats the client. */
  since: number;
  addedAt: number;
}

export interface ClientModel {
  /** Position in {@link ScaleModel.clients}. */
  index: number;
  id: string;
  clinic: ClinicModel;
  createdAt: number;
  /** Local day the client was registered. */
  createdDay: number;
  /** Local day care ends (exclusive); beyond the appointment grid while care goes on. */
  careUntil: number;
  archivedAt: number | null;
  hasEmail: boolean;
  hasPhone: boolean;
  hasGeneralPractitioner: boolean;
  sex: string | null;
  /** How often the client comes compared with others in the same discipline (about 0.5–1.5). */
  intensity: number;
  /** The first member is the primary practitioner. */
  team: CareMember[];
  plan: PlanModel | null;
}

export interface PlanModel {
  id: string;
  /** The plan as it is now; {@link versions} holds every version it had, this one last. */
  content: PlanContent;
  createdAt: number;
  activatedAt: number | null;
  endedAt: number | null;
  cancelReason: string | null;
  versions: PlanVersion[];
}

export interface PlanVersion {
  content: PlanContent;
  changes: string[];
  changedAt: number;
}

/** The statuses the generator gives appointments, as stored in {@link AppointmentTable.status}. */
export const APPOINTMENT_STATUSES = ['booked', 'completed', 'no-show', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/**
 * The appointments, column by column so that a million of them stay compact in memory. Rows
 * are in insertion order: clinic by clinic, by start.
 */
export interface AppointmentTable {
  count: number;
  id: string[];
  client: ClientModel[];
  practitioner: StaffMember[];
  discipline: Discipline[];
  /** Index into {@link APPOINTMENT_STATUSES}. */
  status: Uint8Array;
  startsAt: Float64Array;
  endsAt: Float64Array;
}

export interface ScaleModel {
  clinics: ClinicModel[];
  staff: StaffMember[];
  clients: ClientModel[];
  appointments: AppointmentTable | null;
}

/** What every step gets: where to write, what to make, and what earlier steps made. */
export interface ScaleContext {
  pg: Client;
  options: ScaleOptions;
  clock: ScaleClock;
  cipher: DataCipher;
  /** One argon2id hash of the data set's password, shared by every user. */
  passwordHash: string;
  model: ScaleModel;
}
