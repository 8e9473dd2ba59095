'use strict';
/**
 * 3: reception looking a client up by the first letters of a last name: random clinics, three
 * to five leading letters of last names that clinic has, the first page of the ranked search.
 */
const { pick, receptionists } = require('../lib/fixtures');

/** Last names sampled per clinic, and how many leading letters are typed of each. */
const NAMES_PER_CLINIC = 12;
const TYPED_LETTERS = [3, 4, 5];

const clinicOf = (token) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).clinicId;

module.exports = {
  name: 'clients-search',
  title: 'GET /clients?search=<partial last name> as reception',
  ceiling: 'clients-search.js',
  target: { ratio: 0.95 },
  statementsPerRequest: { app: 5, ceiling: 5 },
  async prepare(ctx) {
    const searches = [];
    for (const token of await receptionists(ctx, 20)) {
      // A fixed spread of each clinic's names (not the alphabet's first), the same every run.
      const { rows } = await ctx.db.query(
        `SELECT last_name FROM clients WHERE clinic_id = $1 AND status = 'active'
         GROUP BY last_name ORDER BY md5(last_name) LIMIT $2`,
        [clinicOf(token), NAMES_PER_CLINIC],
      );
      rows.forEach(({ last_name: lastName }, i) => {
        // Reception types the name itself, not its particle: "van der Meer" is looked up as
        // "mee" (the search drops particles, so "van" alone finds no one).
        const word = lastName.split(' ').find((part) => /^\p{Lu}/u.test(part)) ?? lastName;
        const typed = word.slice(0, TYPED_LETTERS[i % TYPED_LETTERS.length]).toLowerCase();
        searches.push({ token, path: `/api/v1/clients?search=${encodeURIComponent(typed)}` });
      });
    }
    const request = {
      method: 'GET',
      setupRequest: (req) => {
        const { token, path } = pick(searches);
        return { ...req, path, headers: { authorization: `Bearer ${token}` } };
      },
    };
    const [first] = searches;
    return { app: { request }, ceiling: { request }, sample: first };
  },
};
