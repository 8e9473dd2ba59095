'use strict';
/**
 * 9: scenario 2's ceiling with its tenant transaction (BEGIN, set_config, row-level security,
 * COMMIT) against the same without: what tenancy costs, reported, with no target.
 */
const clientsPage = require('./clients-page');

module.exports = {
  name: 'tenancy-cost',
  title: 'scenario 2 bare, with / without the tenant transaction',
  ceiling: 'clients-page.js',
  ceilingEnv: { TENANT_TX: 'off' },
  /** The "app" side is the bare server with its tenant transaction. */
  appIsCeiling: 'clients-page.js',
  target: null,
  prepare: clientsPage.prepare,
};
