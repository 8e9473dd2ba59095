'use strict';
/**
 * 2: reception paging through the client list: random clinics, random pages (cursors the app
 * handed out), 50 a page.
 */
const { pick, receptionists } = require('../lib/fixtures');

module.exports = {
  name: 'clients-page',
  title: 'GET /clients?limit=50&cursor=… as reception',
  ceiling: 'clients-page.js',
  target: { ratio: 0.85, p99Factor: 1.5 },
  async prepare(ctx) {
    const pages = [];
    for (const token of await receptionists(ctx, 20)) {
      let cursor = null;
      for (let page = 0; page < 8; page++) {
        pages.push({ token, cursor });
        const response = await ctx.app(
          `/api/v1/clients?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
          token,
        );
        cursor = response.nextCursor;
        if (!cursor) break;
      }
    }
    const request = {
      method: 'GET',
      setupRequest: (req) => {
        const { token, cursor } = pick(pages);
        return {
          ...req,
          path: `/api/v1/clients?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
          headers: { authorization: `Bearer ${token}` },
        };
      },
    };
    const [first] = pages;
    const sample = { path: '/api/v1/clients?limit=50', token: first.token };
    return { app: { request }, ceiling: { request }, sample };
  },
};
