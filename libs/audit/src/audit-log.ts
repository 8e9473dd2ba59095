import { Injectable, Logger } from '@nestjs/common';
import { RequestContext } from '@meridian/core';
import { isIP } from 'node:net';
import { QueryFailedError } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AuditEventRepository, NewAuditEvent } from './audit-event.repository';

/** What was done. Values are stored in the log: rename a member freely, never its value. */
export enum AuditAction {
  Create = 'create',
  Read = 'read',
  Search = 'search',
  Update = 'update',
  Delete = 'delete',
  Sign = 'sign',
  Export = 'export',
  Print = 'print',
  Login = 'login',
  LoginFailed = 'login-failed',
  Logout = 'logout',
  TokenRefresh = 'token-refresh',
  TokenReuse = 'token-reuse',
  MfaEnroll = 'mfa-enroll',
  MfaFailed = 'mfa-failed',
  PasswordChange = 'password-change',
  Deactivate = 'deactivate',
  BreakGlass = 'break-glass',
  AccessDenied = 'access-denied',
}

export type AuditOutcome = 'success' | 'denied' | 'error';
export type AuditPurpose = 'treatment' | 'administration' | 'break-glass';

/**
 * One access to record. Identifiers only: never a record's content, a reason, a search term,
 * a password or a token.
 */
export interface AuditEventInput {
  action: AuditAction;
  /** The kind of record (`client`, `user`, `session`, ...). */
  resourceType: string;
  resourceId?: string | null;
  /** The client the record belongs to, when it belongs to one. */
  clientId?: string | null;
  /** For a search: the ids of the clients it returned. */
  clientIds?: string[];
  /** Defaults to `'success'`. */
  outcome?: AuditOutcome;
  /** Defaults to `'administration'`. */
  purpose?: AuditPurpose;
  /** Who acted, when the request context has no signed-in user yet (login, failed login). */
  actor?: { userId: string; roles: readonly string[] } | null;
  onBehalfOf?: string | null;
}

/** Longest user agent kept, in characters (code points). */
const USER_AGENT_MAX = 512;

/**
 * The access-log writer (NEN 7513). A row holds who (the signed-in user and roles from the
 * request context, or `event.actor`), what (action, resource type and id, client or clients),
 * the outcome and purpose, and where from (IP, user agent, request id); the database sets the
 * time. It holds nothing else: no content, no reasons, no passwords or tokens.
 */
@Injectable()
export class AuditLog {
  private readonly logger = new Logger(AuditLog.name);

  constructor(
    private readonly events: AuditEventRepository,
    private readonly context: RequestContext,
  ) {}

  /**
   * Records an access in the current tenant transaction, for its clinic: the event commits
   * with the access or not at all. Throws `NoTenantTransactionError` outside one.
   */
  async record(event: AuditEventInput): Promise<void> {
    await this.events.insert(this.compose(null, event));
  }

  /**
   * Records a refused or failed access in a transaction of its own, committed at once, for
   * `clinicId` (null: an event that concerns no clinic, such as a failed login for an unknown
   * e-mail). Callable inside a tenant transaction that is about to roll back: the event
   * survives it. Never throws: it runs on paths already answering 401, 403 or 429, so a failure
   * is logged (without the event's content) and swallowed.
   */
  async recordSeparately(clinicId: string | null, event: AuditEventInput): Promise<void> {
    try {
      await this.events.insertSeparately(this.compose(clinicId, event));
    } catch (error) {
      this.logger.error(
        { action: event.action, reason: safeReason(error) },
        'could not write an access-log event',
      );
    }
  }

  private compose(clinicId: string | null, event: AuditEventInput): NewAuditEvent {
    const actor = event.actor !== undefined ? event.actor : this.context.actor;
    const origin = this.context.origin;
    return {
      id: uuidv7(),
      clinicId,
      actorUserId: actor?.userId ?? null,
      actorRoles: actor ? [...actor.roles] : [],
      onBehalfOf: event.onBehalfOf ?? null,
      action: event.action,
      resourceType: event.resourceType,
      resourceId: event.resourceId ?? null,
      clientId: event.clientId ?? null,
      clientIds: event.clientIds ? [...event.clientIds] : null,
      outcome: event.outcome ?? 'success',
      purpose: event.purpose ?? 'administration',
      ip: ipAddress(origin.ip),
      userAgent: userAgent(origin.userAgent),
      requestId: this.context.requestId || null,
    };
  }
}

/** The address as `inet` takes it, or null (an unparsable one must not fail the access). */
function ipAddress(ip: string | undefined): string | null {
  const address = ip?.replace(/%.*$/, ''); // an IPv6 zone id (`fe80::1%eth0`) is not inet
  return address && isIP(address) ? address : null;
}

function userAgent(value: string | undefined): string | null {
  if (!value) return null;
  // By code point, so a cut never splits a surrogate pair; NUL cannot be stored in text.
  const chars = Array.from(value.replaceAll('\u0000', ''));
  return chars.length > USER_AGENT_MAX ? chars.slice(0, USER_AGENT_MAX).join('') : chars.join('');
}

/**
 * Why a write failed, without the event: a database error carries the statement's parameters
 * (and PostgreSQL's detail may quote the row), so only its SQLSTATE is logged.
 */
function safeReason(error: unknown): string {
  if (error instanceof QueryFailedError) {
    const { code } = error.driverError as { code?: string };
    return `database error ${code ?? 'without a code'}`;
  }
  return error instanceof Error ? error.message : String(error);
}
