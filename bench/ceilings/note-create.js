'use strict';
/**
 * Ceiling of `POST /api/v1/clients/:id/session-notes` for an acupuncture draft: the body checked
 * against a JSON schema (ajv) of what the app's DTOs check, point codes made canonical from the
 * app's catalog, then in the same transaction one query for what the app looks up (the client
 * locked and not erased, the caller's care-team membership or break-the-glass grant and
 * disciplines, the clinic's time zone), the app's prepared INSERT of the note word for word and the
 * same access-log row. Acupuncture only, without links to an appointment or plan: what the
 * scenario writes.
 */
const Ajv = require('ajv');
const { v7: uuidv7 } = require('uuid');
const { claimsOf, clinicalTies, fromApp, inTenantTransaction, send, serve } = require('./bare');

const { findPoint } = fromApp('libs/session-notes/src/acupuncture/point-catalog.js');

const NOTES_PATH =
  /^\/api\/v1\/clients\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/session-notes$/i;

const ajv = new Ajv({ allErrors: true });
// The DTOs trim these strings before checking their length (`@Trim()`), and store them trimmed.
ajv.addKeyword({
  keyword: 'trim',
  type: 'string',
  schemaType: 'boolean',
  modifying: true,
  before: 'maxLength',
  validate(enabled, value, schema, where) {
    if (enabled) where.parentData[where.parentDataProperty] = value.trim();
    return true;
  },
});

const text = (maxLength) => ({ type: 'string', trim: true, minLength: 1, maxLength });
const textList = (maxItems, maxLength) => ({ type: 'array', maxItems, items: text(maxLength) });
const closed = (properties, required = []) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});
const wristPulse = closed({ cun: textList(10, 40), guan: textList(10, 40), chi: textList(10, 40) });

/** `CreateSessionNoteDto` with `AcupunctureContentDto` as its content. */
const validDraft = ajv.compile(
  closed(
    {
      discipline: { const: 'acupuncture' },
      sessionDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      content: closed(
        {
          chiefComplaint: text(2000),
          tongue: closed({ bodyColour: text(200), coating: text(200), shape: text(200) }),
          pulse: closed({
            rate: { type: 'integer', minimum: 20, maximum: 250 },
            left: wristPulse,
            right: wristPulse,
          }),
          patterns: textList(10, 200),
          points: {
            type: 'array',
            maxItems: 60,
            items: closed(
              {
                code: { type: 'string', minLength: 2, maxLength: 10 },
                side: { enum: ['left', 'right', 'bilateral'] },
                technique: text(200),
                retentionMinutes: { type: 'integer', minimum: 1, maximum: 120 },
              },
              ['code', 'side'],
            ),
          },
          adjuncts: {
            type: 'array',
            uniqueItems: true,
            items: { enum: ['moxibustion', 'cupping', 'electro-acupuncture', 'gua-sha'] },
          },
          response: text(2000),
          adverseEvents: text(2000),
        },
        ['chiefComplaint'],
      ),
    },
    ['discipline', 'sessionDate', 'content'],
  ),
);

const FACTS = `SELECT c.erased_at IS NOT NULL AS erased, k.time_zone, u.disciplines,
         ${clinicalTies('$3')}
  FROM clients c
  JOIN clinics k ON k.id = c.clinic_id
  JOIN users u ON u.clinic_id = c.clinic_id AND u.id = $3
  WHERE c.clinic_id = $1 AND c.id = $2
  FOR UPDATE OF c`;

const { NOTE_INSERT } = fromApp('libs/session-notes/src/session-notes.repository.js');

/** A refusal: the transaction rolls back and the status is answered. */
class Refused extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The app's `clinicalAccess`: only practitioners have any, by care team or broken glass. */
function accessOf(roles, facts) {
  if (!roles.includes('practitioner')) return null;
  if (facts.on_care_team) return 'treatment';
  return facts.broken_glass ? 'break-glass' : null;
}

const todayFormats = new Map();
/** Today's date (`YYYY-MM-DD`) on the clinic's clock. */
function todayIn(timeZone) {
  if (!todayFormats.has(timeZone)) {
    todayFormats.set(timeZone, new Intl.DateTimeFormat('en-CA', { timeZone }));
  }
  return todayFormats.get(timeZone).format(new Date());
}

const isCalendarDate = (date) =>
  !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) &&
  new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;

async function bodyOf(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString());
}

/** The body as the app stores it, or the reason it refuses it. */
function checkedDraft(body) {
  if (!validDraft(body)) return { error: ajv.errorsText(validDraft.errors) };
  if (!isCalendarDate(body.sessionDate) || body.sessionDate < '1900-01-01') {
    return { error: 'sessionDate must be a date (YYYY-MM-DD) from 1900 on' };
  }
  const points = body.content.points?.map((point) => ({
    ...point,
    code: findPoint(point.code)?.code,
  }));
  if (points?.some((point) => point.code === undefined)) {
    return { error: 'a point is not a WHO acupuncture point' };
  }
  return { draft: { ...body, content: { ...body.content, ...(points ? { points } : {}) } } };
}

serve(async (request, response, url) => {
  const claims = claimsOf(request);
  if (!claims) return send(response, 401, { error: 'unauthenticated' });
  const [, clientId] = NOTES_PATH.exec(url.pathname) ?? [];
  if (!clientId) return send(response, 400, { error: 'not a client id' });
  const { draft, error } = checkedDraft(await bodyOf(request));
  if (error) return send(response, 400, { error });
  const id = uuidv7();
  let note;
  try {
    note = await inTenantTransaction(
      claims,
      request,
      async (query) => {
        const { rows } = await query('note-facts', FACTS, [claims.clinicId, clientId, claims.sub]);
        if (rows.length === 0) throw new Refused(404, 'no such client');
        const [facts] = rows;
        if (facts.erased) throw new Refused(409, 'the record was erased');
        const access = accessOf(claims.roles, facts);
        if (access === null || !facts.disciplines.includes(draft.discipline)) {
          throw new Refused(403, 'not on the care team, or not your discipline');
        }
        if (draft.sessionDate > todayIn(facts.time_zone)) {
          throw new Refused(400, 'sessionDate must not be in the future');
        }
        const { rows: inserted } = await query('note-insert', NOTE_INSERT, [
          id,
          claims.clinicId,
          clientId,
          claims.sub,
          draft.discipline,
          draft.sessionDate,
          null,
          null,
          'draft',
          JSON.stringify(draft.content),
          null,
          null,
          null,
          null,
          null,
        ]);
        return { ...inserted[0], access };
      },
      ({ access }) => ({
        action: 'create',
        resourceType: 'session-note',
        resourceId: id,
        clientId,
        purpose: access,
      }),
    );
  } catch (refusal) {
    if (refusal instanceof Refused)
      return send(response, refusal.status, { error: refusal.message });
    throw refusal;
  }
  response.setHeader('location', `/api/v1/session-notes/${id}`);
  send(response, 201, {
    id,
    clientId,
    practitionerId: claims.sub,
    discipline: draft.discipline,
    sessionDate: draft.sessionDate,
    appointmentId: null,
    treatmentPlanId: null,
    status: 'draft',
    version: note.version,
    restricted: false,
    content: draft.content,
    signature: null,
    addendaCount: 0,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
  });
});
