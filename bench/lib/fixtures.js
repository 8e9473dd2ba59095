'use strict';
/** Who the scenarios act as: staff of the scale data set, signed in through the app. */

const pick = (list) => list[Math.floor(Math.random() * list.length)];

/** Access tokens of the first active user with `role` in each of `count` clinics. */
async function staffTokens(ctx, role, count) {
  const { rows } = await ctx.db.query(
    `SELECT DISTINCT ON (clinic_id) email FROM users
     WHERE $1 = ANY (roles) AND status = 'active'
     ORDER BY clinic_id, email LIMIT $2`,
    [role, count],
  );
  const tokens = [];
  for (const { email } of rows) tokens.push(await ctx.login(email));
  return tokens;
}

const receptionists = (ctx, count) => staffTokens(ctx, 'receptionist', count);

/**
 * One practitioner (of `discipline`, when given) with a care team in each of `clinics`
 * clinics, signed in, with up to `clientsEach` of the clients they treat (none erased).
 */
async function practitionersWithClients(ctx, { discipline = null, clinics, clientsEach }) {
  const { rows } = await ctx.db.query(
    `WITH practitioner AS (
       SELECT DISTINCT ON (u.clinic_id) u.clinic_id, u.id, u.email
       FROM users u
       WHERE 'practitioner' = ANY (u.roles) AND u.status = 'active'
         AND ($1::text IS NULL OR $1 = ANY (u.disciplines))
         AND EXISTS (SELECT 1 FROM care_team_members m
                     WHERE m.clinic_id = u.clinic_id AND m.user_id = u.id)
       ORDER BY u.clinic_id, u.email
       LIMIT $2)
     SELECT p.email, array(
       SELECT m.client_id
       FROM care_team_members m
       JOIN clients c ON c.clinic_id = m.clinic_id AND c.id = m.client_id
       WHERE m.clinic_id = p.clinic_id AND m.user_id = p.id AND c.erased_at IS NULL
       ORDER BY m.client_id LIMIT $3) AS "clientIds"
     FROM practitioner p`,
    [discipline, clinics, clientsEach],
  );
  const practitioners = [];
  for (const { email, clientIds } of rows) {
    practitioners.push({ token: await ctx.login(email), clientIds });
  }
  return practitioners;
}

module.exports = { pick, practitionersWithClients, receptionists, staffTokens };
