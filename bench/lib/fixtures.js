'use strict';
/** Who the scenarios act as: staff of the scale data set, signed in through the app. */

const pick = (list) => list[Math.floor(Math.random() * list.length)];

/** Access tokens of the first receptionist of each of `count` clinics. */
async function receptionists(ctx, count) {
  const { rows } = await ctx.db.query(
    `SELECT DISTINCT ON (clinic_id) email FROM users
     WHERE 'receptionist' = ANY (roles) AND status = 'active'
     ORDER BY clinic_id, email LIMIT $1`,
    [count],
  );
  const tokens = [];
  for (const { email } of rows) tokens.push(await ctx.login(email));
  return tokens;
}

module.exports = { pick, receptionists };
