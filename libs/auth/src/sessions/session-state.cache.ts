import { Injectable } from '@nestjs/common';

/** What a request needs to know about its session beyond the signed token. */
export interface SessionStanding {
  /** The user is active and the session neither revoked nor expired. */
  valid: boolean;
  /** The user's roles as they are now, which may differ from the token's. */
  roles: string[];
  disciplines: string[];
}

/**
 * How long a session's standing is trusted without asking the database. It bounds how long
 * an access token outlives a deactivation, logout or role change made on another API process
 * (the process that makes the change forgets its entry at once): the promise is 60 s.
 */
export const SESSION_CHECK_INTERVAL_MS = 30_000;
const MAX_ENTRIES = 50_000;

interface Entry {
  userId: string;
  standing: SessionStanding;
  fetchedAt: number;
}

/** Per-process memory of session standings, so a request costs no extra query. */
@Injectable()
export class SessionStateCache {
  private readonly entries = new Map<string, Entry>();

  get(sessionId: string, now = Date.now()): SessionStanding | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (now - entry.fetchedAt >= SESSION_CHECK_INTERVAL_MS) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.standing;
  }

  set(sessionId: string, userId: string, standing: SessionStanding, now = Date.now()): void {
    if (this.entries.size >= MAX_ENTRIES) {
      // Maps iterate in insertion order: drop the oldest.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(sessionId, { userId, standing, fetchedAt: now });
  }

  forgetSession(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  forgetUser(userId: string): void {
    for (const [sessionId, entry] of this.entries) {
      if (entry.userId === userId) this.entries.delete(sessionId);
    }
  }
}
