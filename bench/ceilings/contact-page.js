'use strict';
/** A page of client records as the app answers reception: the contact view and a keyset cursor. */
const { fromApp, send } = require('./bare');

const { toClientResponse } = fromApp('libs/clients/src/dto/client.response.js');

/**
 * Answers `rows` (up to `limit` and one more, which only tells that a next page exists) with
 * the cursor `sortKey` gives the last row shown, encoded as the app's `encodeCursor` does.
 */
function sendContactPage(response, rows, limit, sortKey) {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  send(response, 200, {
    data: data.map((row) => toClientResponse(row, 'contact')),
    nextCursor:
      rows.length > limit ? Buffer.from(JSON.stringify(sortKey(last))).toString('base64url') : null,
  });
}

module.exports = { sendContactPage };
