/** Placeholder: the scale data generator (`npm run seed:scale`) is being built. */
export async function seedScale(databaseUrl: string, args: readonly string[]): Promise<void> {
  void databaseUrl;
  void args;
  throw new Error('seed:scale is not built yet');
}
