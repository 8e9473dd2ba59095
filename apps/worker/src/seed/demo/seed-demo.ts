import type { AppConfig } from '@meridian/core';

/** Placeholder: the demo clinic seed (`npm start` on an empty database) is being built. */
export async function seedDemo(config: AppConfig): Promise<void> {
  void config;
  throw new Error('demo:seed is not built yet');
}
