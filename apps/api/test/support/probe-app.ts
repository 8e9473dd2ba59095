import { ClinicsRepository } from '@meridian/clinics';
import { createTestApp, TestApp } from '@meridian/testing';
import { ProbeController } from './probe.controller';

/** A test app with the probe routes mounted. */
export function createProbeApp(env: Record<string, string> = {}): Promise<TestApp> {
  return createTestApp({ controllers: [ProbeController], providers: [ClinicsRepository], env });
}
